import { beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, type OperationDefinitionNode, parse, visit, validate } from 'graphql';
import { flyio } from '../../providers/flyio/index.js';
import { ALL_DOCUMENTS, DESTRUCTIVE_MUTATIONS } from '../../providers/flyio/queries.js';
import { loadGraphqlParser, refusal } from '../../src/core/operations.js';
import { flySchema } from './schema.js';

/** Fields of Fly's schema that hold other secrets (AddOn.password, App.secrets, a token's value...). */
const SECRET_FIELDS = [
  'password',
  'environment',
  'secrets',
  'token',
  'tokenHeader',
  'sshCertificate',
  'delegatedWireGuardTokens',
  'limitedAccessTokens',
  'accessTokens',
  'privateIp',
  'publicUrl',
];

describe('Fly.io GraphQL documents', () => {
  const schema = flySchema();
  const entries = Object.entries(ALL_DOCUMENTS);

  for (const [name, source] of entries) {
    describe(name, () => {
      const doc = parse(source);
      it("is valid against Fly.io's published schema", () => {
        expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
      });
      it('is one query: no mutation, no subscription', () => {
        const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        expect(ops.map((o) => o.operation)).toEqual(['query']);
      });
      it('selects no field that holds another secret', () => {
        const fields: string[] = [];
        visit(doc, { Field: (f) => void fields.push(f.name.value) });
        expect(fields.filter((f) => SECRET_FIELDS.includes(f))).toEqual([]);
      });
    });
  }

  it('names only destructive mutations the schema has', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    for (const m of DESTRUCTIVE_MUTATIONS) expect(mutations).toContain(m);
  });
});

describe("Fly.io's allowlist", () => {
  beforeAll(loadGraphqlParser);
  const ops = flyio.operations!;
  const endpoint = new URL('https://api.fly.io/graphql');
  const post = (query: string, path = '/graphql') =>
    refusal(ops, endpoint, 'POST', new URL(`https://api.fly.io${path}`), JSON.stringify({ query, variables: {} }));

  it('allows each listed query', () => {
    for (const d of Object.values(ALL_DOCUMENTS)) expect(post(d)).toBeUndefined();
  });

  it("refuses Fly's destructive mutations", () => {
    expect(post('mutation { deleteApp(appId: "acme-db-production") { organization { id } } }')).toMatch(
      /not one of the listed/,
    );
    expect(post('mutation { deleteVolume(input: { volumeId: "vol_1" }) { app { id } } }')).toMatch(
      /not one of the listed/,
    );
    expect(post('mutation { deleteOrganization(input: { organizationId: "o" }) { deletedOrganizationId } }')).toMatch(
      /not one of the listed/,
    );
  });

  it('refuses reads that return other secrets, although they are queries', () => {
    expect(post('query { app(name: "a") { secrets { name digest } } }')).toMatch(/not one of the listed/);
    expect(post('query { addOns { nodes { name password environment } } }')).toMatch(/not one of the listed/);
    expect(post('query { organization(slug: "acme") { limitedAccessTokens { nodes { token } } } }')).toMatch(
      /not one of the listed/,
    );
  });

  it('refuses the Machines API, third-party discharge and any other path', () => {
    expect(refusal(ops, endpoint, 'GET', new URL('https://api.fly.io/graphql/v1/apps'), undefined)).toBeDefined();
    expect(
      refusal(ops, new URL('https://api.fly.io/'), 'POST', new URL('https://api.fly.io/aaa/v1/discharge'), '{}'),
    ).toBeDefined();
    expect(refusal(ops, endpoint, 'GET', new URL('https://api.fly.io/graphql'), undefined)).toBeDefined();
  });
});
