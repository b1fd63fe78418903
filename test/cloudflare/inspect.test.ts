import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cloudflare } from '../../providers/cloudflare/index.js';
import { validCloudflareChecksum } from '../../providers/cloudflare/checksum.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { refusal } from '../../src/core/operations.js';
import type { Inspection } from '../../src/core/types.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';
import { CfDouble } from './double.js';
import { cfCredential } from './helpers.js';
import { cfToken } from './tokens.js';
import { ACME, type TokenName, testWorld, WORKER_SECRET } from './world.js';

describe('Cloudflare checksum', () => {
  it('accepts generated tokens of every kind and refuses a changed character or tail', () => {
    for (const p of ['cfut', 'cfat', 'cfk'] as const) {
      const t = cfToken(p);
      expect(validCloudflareChecksum(t)).toBe(true);
      const flipped = t.slice(0, p.length + 3) + (t[p.length + 3] === 'A' ? 'B' : 'A') + t.slice(p.length + 4);
      expect(validCloudflareChecksum(flipped)).toBe(false);
      expect(validCloudflareChecksum(`${t.slice(0, -8)}00000000`)).toBe(false);
    }
  });
});

describe('Cloudflare inspector against the loopback double', () => {
  const t = testWorld();
  let double: CfDouble;
  let url: string;
  beforeAll(async () => {
    double = new CfDouble(t.world);
    url = await double.start();
  });
  afterAll(() => double.stop());
  afterEach(() => {
    for (const r of double.requests) {
      expect(r.method).toBe('GET');
      expect(
        refusal(cloudflare.operations!, new URL(url), 'GET', new URL(`${url}${r.path}`), undefined),
      ).toBeUndefined();
    }
    double.requests.length = 0;
  });

  const ctx = () => ({
    http: new ReadOnlyHttp(
      [new URL(url)],
      { ...DEFAULT_HTTP_OPTIONS, timeoutMs: 10_000 },
      undefined,
      cloudflare.operations,
    ),
    endpoint: url,
    policy: DEFAULT_POLICY,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    clients: {},
  });
  const inspect = (name: TokenName, place = {}): Promise<Inspection> =>
    cloudflare.inspect!(cfCredential(t.tokens[name], place), ctx());

  describe('a wide user token that may read its own policies', () => {
    let result: Inspection;
    beforeAll(async () => {
      result = await inspect('wide');
    });

    it('is verified, as its user, with its permissions', () => {
      expect(result.verification).toBe('verified');
      expect(result.scope?.identity).toBe('user ops@acme.example');
      expect(result.scope?.permissions).toEqual([
        'DNS Write',
        'Zone Write',
        'D1 Write',
        'Zone Read',
        'API Tokens Read',
        'API Tokens Write',
      ]);
    });

    it('reaches the zones (across pages), Workers, R2 and D1 of its account', () => {
      expect(result.scope?.reach).toEqual({
        accounts: ['Acme'],
        zones: ['acme.com', 'acme-preview.dev'],
        workers: ['Acme/api-production', 'Acme/preview-worker'],
        buckets: ['Acme/assets-production'],
        databases: ['Acme/orders-production'],
      });
    });

    it('can delete the live zone; the pending zone is not production', () => {
      expect(result.scope?.capabilities[0]).toEqual({
        action: 'delete',
        resource: 'zone "acme.com" of account "Acme" and all its DNS records',
        environment: 'production',
        production: true,
      });
      expect(
        result.scope?.capabilities.find((c) => c.resource.startsWith('DNS records of zone "acme-preview.dev"'))
          ?.production,
      ).toBe(false);
      expect(result.scope?.capabilities).toContainEqual({
        action: 'delete',
        resource: 'D1 database "orders-production" of account "Acme"',
        environment: 'production',
        production: true,
      });
    });

    it('raises dns-takeover, destructive-production-access, account-wide-token, privilege-escalation, no-expiry', () => {
      const f = assess(cfCredential(t.tokens.wide), result, cloudflare, DEFAULT_POLICY);
      expect(f.risks.map((r) => r.id)).toEqual([
        'destructive-production-access',
        'dns-takeover',
        'account-wide-token',
        'privilege-escalation',
        'no-expiry',
      ]);
      expect(f.severity).toBe('critical');
    });
  });

  it('a DNS token for one pending zone, with a TTL: no risk of its own, already narrow', async () => {
    const cred = cfCredential(t.tokens.narrow, { name: 'CF_DNS_TOKEN' });
    const result = await cloudflare.inspect!(cred, ctx());
    expect(result.scope?.reach.zones).toEqual(['acme-preview.dev']);
    expect(result.scope?.expiresAt).toBe('2027-01-01T00:00:00Z');
    const f = assess(cred, result, cloudflare, DEFAULT_POLICY);
    expect(f.risks.map((r) => r.id)).toEqual([]);
    expect(f.remediation).toContain('zone «acme-preview.dev» only');
  });

  it('without API Tokens Read, its policies are an unknown and it claims no write', async () => {
    const result = await inspect('noPolicies');
    expect(result.verification).toBe('verified');
    expect(result.scope?.unknowns[0]).toMatchObject({ what: 'policies' });
    expect(result.scope?.unknowns[0]?.reason).toContain('never sends');
    expect(result.scope?.capabilities.every((c) => c.action === 'read')).toBe(true);
  });

  it('an account token is verified at its own account, and its Workers and R2 writes are known', async () => {
    const result = await inspect('account');
    expect(result.scope?.tokenType).toBe('account API token');
    expect(double.requests.some((r) => r.path === `/accounts/${ACME}/tokens/verify`)).toBe(true);
    expect(result.scope?.capabilities).toContainEqual({
      action: 'delete',
      resource: 'Worker "api-production" of account "Acme"',
      environment: 'production',
      production: true,
    });
    expect(result.scope?.capabilities).toContainEqual({
      action: 'delete',
      resource: 'R2 bucket "assets-production" of account "Acme"',
      environment: 'production',
      production: true,
    });
  });

  it('an expired token and a revoked token are invalid, with the reason', async () => {
    expect(await inspect('expired')).toEqual({
      verification: 'invalid',
      reason: 'Cloudflare knows it, but its status is "expired"',
      scope: null,
    });
    expect(await inspect('revoked')).toEqual({
      verification: 'invalid',
      reason: 'Cloudflare rejects it: Invalid API Token',
      scope: null,
    });
  });

  it('a Global API Key is inspected only with its email, and is everything its user may do', async () => {
    const without = await inspect('global');
    expect(without.verification).toBe('unverified');
    expect(double.requests).toEqual([]);
    const withEmail = await inspect('global', { email: 'ops@acme.example' });
    expect(withEmail.verification).toBe('verified');
    expect(withEmail.scope?.tokenType).toBe('Global API Key');
  });

  it('never asked for a Worker secret', () => {
    expect(double.requests.some((r) => r.path.includes('/secrets'))).toBe(false);
    expect(WORKER_SECRET).toBeTruthy();
  });
});

describe("Cloudflare's allowlist", () => {
  const ops = cloudflare.operations!;
  const base = new URL('https://api.cloudflare.com/client/v4');
  const at = (method: string, path: string) =>
    refusal(
      ops,
      base,
      method,
      new URL(`https://api.cloudflare.com/client/v4${path}`),
      method === 'POST' ? '{}' : undefined,
    );

  it('excludes reads that return other secrets: Worker secrets and code, KV values, the token roll', () => {
    expect(at('GET', `/accounts/${ACME}/workers/scripts/api-production/secrets`)).toBeDefined();
    expect(at('GET', `/accounts/${ACME}/workers/scripts/api-production`)).toBeDefined();
    expect(at('GET', `/accounts/${ACME}/storage/kv/namespaces/ns/values/key`)).toBeDefined();
    expect(at('PUT', '/user/tokens/abc/value')).toBeDefined();
    expect(at('GET', '/user/tokens')).toBeDefined();
  });

  it("excludes Cloudflare's destructive operations and D1's SQL endpoint", () => {
    expect(at('DELETE', '/zones/z1')).toBeDefined();
    expect(at('DELETE', '/zones/z1/dns_records/r1')).toBeDefined();
    expect(at('DELETE', `/accounts/${ACME}/d1/database/d1`)).toBeDefined();
    expect(at('POST', `/accounts/${ACME}/d1/database/d1/query`)).toBeDefined();
    expect(at('DELETE', `/accounts/${ACME}/r2/buckets/b`)).toBeDefined();
    expect(at('DELETE', `/accounts/${ACME}/workers/scripts/w`)).toBeDefined();
  });
});
