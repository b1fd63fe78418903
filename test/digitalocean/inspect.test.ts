import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { digitalocean } from '../../providers/digitalocean/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { refusal } from '../../src/core/operations.js';
import type { Inspection } from '../../src/core/types.js';
import { DoDouble } from './double.js';
import { doContext, doCredential } from './helpers.js';
import { DB_PASSWORD, PROD_DB, type TokenName, testWorld } from './world.js';

describe('DigitalOcean inspector against the loopback double', () => {
  const t = testWorld();
  let double: DoDouble;
  let url: string;

  beforeAll(async () => {
    double = new DoDouble(t.world);
    url = await double.start();
  });
  afterAll(() => double.stop());
  afterEach(() => {
    // Whatever a test did: only listed GETs, and never the databases listing with its passwords.
    for (const r of double.requests) {
      expect(r.method).toBe('GET');
      expect(refusal(digitalocean.operations!, new URL(url), 'GET', new URL(r.path, url), undefined)).toBeUndefined();
      expect(r.path).not.toMatch(/^\/v2\/databases/);
    }
    double.requests.length = 0;
  });

  const inspect = (name: TokenName): Promise<Inspection> =>
    digitalocean.inspect!(doCredential(t.tokens[name]), doContext(url));

  describe('a Full Access (or Read Only) personal access token', () => {
    let result: Inspection;
    beforeAll(async () => {
      result = await inspect('full');
    });

    it('is verified as its user in its team', () => {
      expect(result.verification).toBe('verified');
      expect(result.scope?.identity).toBe('user ops@acme.example in team "Acme"');
      expect(result.scope?.tokenType).toBe('personal access token (Full Access or Read Only)');
    });

    it('reaches every project and resource, across pages, the database by its id', () => {
      expect(result.scope?.reach).toEqual({
        teams: ['Acme'],
        projects: ['storefront (Production)', 'storefront-staging (Staging)', 'First Project (Development)'],
        droplets: ['web-1', 'staging-web', 'scratch'],
        volumes: ['pg-data'],
        databases: [PROD_DB],
        domains: ['acme.example'],
      });
    });

    it("marks production from the project's environment, and says delete holds unless read-only", () => {
      expect(result.scope?.capabilities[0]).toEqual({
        action: 'delete',
        resource: `database cluster "${PROD_DB}" of project "storefront" (unless read-only)`,
        environment: 'production',
        production: true,
      });
      expect(result.scope?.capabilities.find((c) => c.resource.startsWith('Droplet "staging-web"'))?.production).toBe(
        false,
      );
    });

    it('names in unknowns what reads cannot settle: write and delete rights, expiry, database names', () => {
      const what = result.scope?.unknowns.map((u) => u.what);
      expect(what).toEqual(['write and delete rights', 'expiry', 'database names']);
      expect(result.scope?.unknowns[0]?.reason).toContain('only a write could tell');
    });

    it('never read a database password', () => {
      expect(JSON.stringify(result)).not.toContain(DB_PASSWORD);
    });
  });

  it('a custom-scope token (DNS only) is told apart by its refused reads, and claims no delete', async () => {
    const cred = doCredential(t.tokens.dnsOnly, { name: 'DO_DNS_TOKEN' });
    const result = await digitalocean.inspect!(cred, doContext(url));
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('personal access token (custom scopes)');
    expect(result.scope?.reach).toEqual({ domains: ['acme.example'] });
    expect(result.scope?.capabilities.every((c) => c.action === 'read')).toBe(true);
    expect(result.scope?.unknowns[0]?.reason).toContain('refused to list account, projects, droplets, volumes');
    const finding = assess(cred, result, digitalocean, DEFAULT_POLICY);
    expect(finding.risks.map((r) => r.id)).toEqual([]);
    expect(finding.remediation).toContain('`domain:read` and `domain:update` only');
  });

  it('an OAuth token is named as one', async () => {
    expect((await inspect('oauth')).scope?.tokenType).toBe('OAuth access token (Full Access or Read Only)');
  });

  it('a revoked token is invalid, with the reason', async () => {
    expect(await inspect('revoked')).toEqual({
      verification: 'invalid',
      reason: 'DigitalOcean rejects it: Unable to authenticate you',
      scope: null,
    });
  });

  it('a refresh token is never sent: only the token exchange takes it, and that mints a token', async () => {
    const result = await inspect('refresh');
    expect(result.verification).toBe('unverified');
    expect(double.requests).toEqual([]);
  });
});

describe("DigitalOcean's allowlist", () => {
  const ops = digitalocean.operations!;
  const base = new URL('https://api.digitalocean.com');
  const at = (method: string, path: string) =>
    refusal(ops, base, method, new URL(path, base), method === 'POST' ? '{}' : undefined);

  it('excludes the reads that return database connection passwords', () => {
    expect(at('GET', '/v2/databases')).toBeDefined();
    expect(at('GET', `/v2/databases/${PROD_DB}`)).toBeDefined();
    expect(at('GET', `/v2/databases/${PROD_DB}/users`)).toBeDefined();
    expect(at('GET', `/v2/databases/${PROD_DB}/pools`)).toBeDefined();
  });

  it('excludes every write: the probes other tools send to learn custom scopes', () => {
    expect(at('DELETE', '/v2/droplets/nowaythisidcanexist')).toBeDefined();
    expect(at('POST', '/v2/databases')).toBeDefined();
    expect(at('POST', '/v2/droplets')).toBeDefined();
    expect(at('DELETE', `/v2/volumes/x`)).toBeDefined();
    expect(at('DELETE', '/v2/domains/acme.example')).toBeDefined();
    expect(at('POST', 'https://api.digitalocean.com/v1/oauth/token')).toBeDefined();
  });

  it('excludes other secret-bearing reads: kubeconfig, app specs with env, registry credentials', () => {
    expect(at('GET', '/v2/kubernetes/clusters/abc/kubeconfig')).toBeDefined();
    expect(at('GET', '/v2/apps')).toBeDefined();
    expect(at('GET', '/v2/registry/docker-credentials')).toBeDefined();
  });
});
