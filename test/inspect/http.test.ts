import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkEndpoint } from '../../src/inspect/endpoint.js';
import { EndpointViolation, ProviderUnavailableError, ReadOnlyViolation } from '../../src/core/errors.js';
import type { HttpOperation } from '../../src/core/operations.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';

let server: Server;
let base: string;
const received: string[] = [];
let plan: Array<{ status: number; headers?: Record<string, string>; body?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    const step = plan.shift() ?? { status: 200, body: '{"ok":true}' };
    if (step.status === 0) return; // hang: never answer
    res.writeHead(step.status, step.headers ?? {});
    res.end(step.body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

// The door's list for these tests: a few GETs, one path with a parameter, one GraphQL query.
const OPERATIONS: HttpOperation[] = [
  ...['/x', '/y', '/z', '/hang', '/big', '/user'].map((path) => ({ method: 'GET' as const, path })),
  { method: 'GET', path: '/repos/{owner}/{repo}' },
  { method: 'POST', path: '/graphql', body: { graphql: ['query { me { id } }'] } },
];

const http = (opts = {}) =>
  new ReadOnlyHttp(
    [new URL(base)],
    { ...DEFAULT_HTTP_OPTIONS, timeoutMs: 300, maxRetryAfterMs: 1500, ...opts },
    globalThis.fetch,
    OPERATIONS,
  );

describe('the read-only door', () => {
  it('refuses a GraphQL mutation before sending it', async () => {
    received.length = 0;
    await expect(
      http().graphql(`${base}/graphql`, 'mutation { volumeDelete(volumeId: "v") }', {}, {}),
    ).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(
      http().graphql(`${base}/graphql`, 'query a { me { id } } mutation b { x }', {}, {}),
    ).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(http().graphql(`${base}/graphql`, 'subscription { x }', {}, {})).rejects.toBeInstanceOf(
      ReadOnlyViolation,
    );
    expect(received).toEqual([]);
  });

  it('refuses a GET that is not on the provider list, before sending it', async () => {
    received.length = 0;
    const h = http();
    // A GET can reveal other secrets or change state: only the listed paths pass.
    await expect(h.get(`${base}/user/keys`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(h.get(`${base}/repos/a`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(h.get(`${base}/repos/a/b/actions/secrets`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    // A parameter is one segment: no way up or across through an encoded slash or dots.
    await expect(h.get(`${base}/repos/a/..%2Fuser`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(h.get(`${base}/repos/a%2Fb/c`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(h.fetch(`${base}/x`, { method: 'HEAD' })).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(received).toEqual([]);
    await h.get(`${base}/repos/octo/hello?per_page=5`, {});
    expect(received).toEqual(['GET /repos/octo/hello?per_page=5']);
  });

  it('refuses a GraphQL query that is not one of the listed documents', async () => {
    received.length = 0;
    await expect(http().graphql(`${base}/graphql`, 'query { me { id email } }', {}, {})).rejects.toBeInstanceOf(
      ReadOnlyViolation,
    );
    await expect(http().graphql(`${base}/other`, 'query { me { id } }', {}, {})).rejects.toBeInstanceOf(
      ReadOnlyViolation,
    );
    expect(received).toEqual([]);
    // Whitespace and layout do not matter: the document is compared after parsing.
    await http().graphql(`${base}/graphql`, 'query {\n  me {\n    id\n  }\n}', {}, {});
    expect(received).toEqual(['POST /graphql']);
  });

  it('refuses everything when the provider lists no operation', async () => {
    received.length = 0;
    const bare = new ReadOnlyHttp([new URL(base)]);
    await expect(bare.get(`${base}/x`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    expect(received).toEqual([]);
  });

  it('reads paths below the endpoint path (GitHub Enterprise Server at /api/v3)', async () => {
    received.length = 0;
    const h = new ReadOnlyHttp([new URL(`${base}/api/v3`)], DEFAULT_HTTP_OPTIONS, globalThis.fetch, OPERATIONS);
    await expect(h.get(`${base}/user`, {})).rejects.toBeInstanceOf(ReadOnlyViolation);
    await h.get(`${base}/api/v3/user`, {});
    expect(received).toEqual(['GET /api/v3/user']);
  });

  it('sends a query', async () => {
    received.length = 0;
    const res = await http().graphql(`${base}/graphql`, 'query { me { id } }', {}, {});
    expect(res.status).toBe(200);
    expect(received).toEqual(['POST /graphql']);
  });

  it('refuses non-GET methods and unconfigured origins through the SDK fetch', async () => {
    received.length = 0;
    const h = http();
    await expect(h.fetch(`${base}/repos/a/b`, { method: 'DELETE' })).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(h.fetch(`${base}/user`, { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(h.fetch('https://exfiltrate.invalid/collect')).rejects.toBeInstanceOf(EndpointViolation);
    await expect(h.get('http://127.0.0.2:1/user', {})).rejects.toBeInstanceOf(EndpointViolation);
    expect(received).toEqual([]);
  });

  it('retries a 429 after its Retry-After, a bounded number of times, then gives up unverified', async () => {
    received.length = 0;
    plan = [
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 200, body: 'fine' },
    ];
    expect((await http().get(`${base}/x`, {})).text).toBe('fine');
    plan = [0, 1, 2].map(() => ({ status: 429, headers: { 'retry-after': '0' } }));
    const e = await http({ retries: 2 })
      .get(`${base}/y`, {})
      .catch((x) => x);
    expect(e).toBeInstanceOf(ProviderUnavailableError);
    expect(e.verification).toBe('unverified');
    expect(e.message).toMatch(/rate limited \(HTTP 429\) after 3 attempt/);
    expect(received.filter((r) => r === 'GET /y')).toHaveLength(3);
  });

  it('does not wait out a Retry-After longer than its bound', async () => {
    received.length = 0;
    plan = [{ status: 429, headers: { 'retry-after': '3600' } }];
    const e = await http()
      .get(`${base}/z`, {})
      .catch((x) => x);
    expect(e.message).toMatch(/Retry-After 3600s/);
    expect(received).toHaveLength(1);
  });

  it('gives up on a request that hangs, within the timeout', async () => {
    plan = [{ status: 0 }];
    const e = await http({ retries: 0 })
      .get(`${base}/hang`, {})
      .catch((x) => x);
    expect(e).toBeInstanceOf(ProviderUnavailableError);
    expect(e.message).toMatch(/no answer within 300 ms/);
  });

  it('refuses a body larger than the cap', async () => {
    plan = [{ status: 200, body: 'x'.repeat(5000) }];
    const e = await http({ maxBodyBytes: 1000 })
      .get(`${base}/big`, {})
      .catch((x) => x);
    expect(e.message).toMatch(/larger than 1000 bytes/);
  });
});

describe('redirects are never followed', () => {
  it('a 307 to another origin is an error, and the other origin receives nothing', async () => {
    const stolen: string[] = [];
    const thief = createServer((req, res) => {
      stolen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
      res.end('{}');
    });
    await new Promise<void>((r) => thief.listen(0, '127.0.0.1', r));
    const thiefUrl = `http://127.0.0.1:${(thief.address() as AddressInfo).port}/steal`;
    try {
      plan = [{ status: 307, headers: { location: thiefUrl } }];
      const e = await http()
        .graphql(`${base}/graphql`, 'query { me { id } }', {}, { 'project-access-token': 'tok' })
        .catch((x) => x);
      expect(e).toBeInstanceOf(ProviderUnavailableError);
      expect(e.message).toMatch(/redirect \(HTTP 307\); not followed/);
      plan = [{ status: 302, headers: { location: thiefUrl } }];
      await expect(http().fetch(`${base}/user`, { headers: { authorization: 'token x' } })).rejects.toThrow(/redirect/);
      expect(stolen).toEqual([]);
    } finally {
      thief.close();
    }
  });
});

describe('endpoints', () => {
  it('accept https anywhere and http on loopback only', () => {
    expect(checkEndpoint('https://api.example.test/v1', '--x').href).toBe('https://api.example.test/v1');
    expect(checkEndpoint('http://127.0.0.1:8080/graphql', '--x').port).toBe('8080');
    expect(checkEndpoint('http://localhost/', '--x').hostname).toBe('localhost');
    expect(() => checkEndpoint('http://192.168.1.5/', '--x')).toThrow(/--x: .* must be https/);
    expect(() => checkEndpoint('ftp://127.0.0.1/', '--x')).toThrow(EndpointViolation);
    expect(() => checkEndpoint('not a url', '--x')).toThrow(/is not a URL/);
    expect(() => checkEndpoint('https://bot:hunter22@ghe.example.test/api/v3', '--x')).toThrow(
      /--x: must not carry a user name or password/,
    );
  });
});
