import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RailwayDouble } from './double.js';
import { SELF_TEST_HEADER } from '../helpers/provider-log.js';
import { type TestWorld, testWorld } from './world.js';

// The double must itself be held to Railway's schema, or tests against it prove nothing.
describe('the Railway test double', () => {
  let t: TestWorld;
  let double: RailwayDouble;
  let url: string;

  beforeAll(async () => {
    t = testWorld();
    double = new RailwayDouble(t.world);
    url = await double.start();
  });
  afterAll(() => double.stop());

  const post = async (query: string, headers: Record<string, string>, variables = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      // These requests test the double itself, not what tokenscope sends: kept out of the ledger.
      headers: { 'content-type': 'application/json', [SELF_TEST_HEADER]: '1', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string }[] } };
  };

  it('answers a query in the shape the schema gives', async () => {
    const { body } = await post('query { me { id email workspaces { id name } } }', {
      authorization: `Bearer ${t.tokens.account}`,
    });
    expect(body).toEqual({
      data: {
        me: {
          id: 'user-1',
          email: 'ops@pocket.example',
          workspaces: [
            { id: 'ws-pocket', name: 'Pocket Works' },
            { id: 'ws-side', name: 'Side Projects' },
          ],
        },
      },
    });
    expect(double.unexpectedErrors).toEqual([]);
  });

  it('rejects a field Railway does not have, as Railway would', async () => {
    const before = double.unexpectedErrors.length;
    const { body } = await post('query { me { id passwordHash } }', { authorization: `Bearer ${t.tokens.account}` });
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "passwordHash" on type "User"/);
    expect(double.unexpectedErrors.length).toBe(before + 1);
  });

  it('serves Relay pages no larger than its page size, with a cursor to the next', async () => {
    const query =
      'query ($after: String) { projects(first: 50, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }';
    const auth = { authorization: `Bearer ${t.tokens.workspace}` };
    const first = (await post(query, auth)).body.data as {
      projects: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    expect(first.projects.edges.map((e) => e.node.name)).toEqual(['hobby-1', 'hobby-2']);
    expect(first.projects.pageInfo.hasNextPage).toBe(true);
    const second = (await post(query, auth, { after: first.projects.pageInfo.endCursor })).body.data as typeof first;
    expect(second.projects.edges.map((e) => e.node.name)).toEqual(['hobby-3', 'hobby-4']);
  });

  it('answers "Not Authorized" in errors, with HTTP 200, to an unknown token', async () => {
    const { status, body } = await post('query { me { id } }', {
      authorization: 'Bearer 0b6b5e8e-0000-4000-8000-000000000000',
    });
    expect(status).toBe(200);
    expect(body.errors?.map((e) => e.message)).toEqual(['Not Authorized']);
    expect(body.data).toBeNull();
  });

  it('does not accept a project token as a bearer token', async () => {
    const { body } = await post('query { projectToken { projectId } }', {
      authorization: `Bearer ${t.tokens.projectStaging}`,
    });
    expect(body.errors?.map((e) => e.message)).toEqual(['Not Authorized']);
  });
});
