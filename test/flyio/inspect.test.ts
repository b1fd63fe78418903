import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { flyio } from '../../providers/flyio/index.js';
import { ALL_DOCUMENTS } from '../../providers/flyio/queries.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Inspection } from '../../src/core/types.js';
import { FlyDouble } from './double.js';
import { flyContext, flyCredential } from './helpers.js';
import { type TestWorld, testWorld } from './world.js';

describe('Fly.io inspector against the loopback double', () => {
  let t: TestWorld;
  let double: FlyDouble;
  let url: string;

  beforeAll(async () => {
    t = testWorld();
    double = new FlyDouble(t.world);
    url = await double.start();
  });
  afterAll(() => double.stop());

  // Whatever a test did: every request was a listed query, answered in the schema's shapes.
  afterEach(() => {
    const documents = new Set<string>(Object.values(ALL_DOCUMENTS));
    for (const r of double.requests) {
      expect(r.method).toBe('POST');
      expect(r.path).toBe('/');
      expect(documents.has(r.query!)).toBe(true);
    }
    expect(double.unexpectedErrors).toEqual([]);
    double.requests.length = 0;
  });

  const inspect = (token: string, place: { path?: string; name?: string } = {}): Promise<Inspection> =>
    flyio.inspect!(flyCredential(token, place), flyContext(url));

  describe('a user token (fo1_)', () => {
    let result: Inspection;
    beforeAll(async () => {
      result = await inspect(t.tokens.user);
    });

    it('is verified, as its user, sent as a bearer token', () => {
      expect(result.verification).toBe('verified');
      expect(result.scope?.tokenType).toBe('user auth token (fo1_)');
      expect(result.scope?.identity).toBe('user dana@example.com');
    });

    it('reaches every organization and every app, across pages, with the database and its volume', () => {
      expect(result.scope?.reach.organizations).toEqual(['personal', 'acme']);
      expect(result.scope?.reach.apps).toEqual([
        'personal/scratchpad',
        'acme/acme-web-production',
        'acme/acme-db-production',
        'acme/acme-web-staging',
        'acme/acme-worker-staging',
        'acme/acme-docs',
      ]);
      expect(result.scope?.reach.databases).toEqual(['acme/acme-db-production']);
      expect(result.scope?.reach.volumes).toEqual(['acme/acme-db-production/pg_data']);
    });

    it('lists deleting production first', () => {
      expect(result.scope?.capabilities[0]).toMatchObject({ action: 'delete', production: true });
      expect(result.scope?.capabilities).toContainEqual({
        action: 'delete',
        resource: 'volume "pg_data" (40 GB, fra) of app "acme-db-production"',
        environment: 'production',
        production: true,
      });
    });

    it('says production is read from names, since Fly.io has no marker', () => {
      expect(result.scope?.unknowns.map((u) => u.what)).toContain('production');
    });
  });

  it('sends a macaroon in the FlyV1 scheme, and a fo1_ token as a bearer', async () => {
    await inspect(t.tokens.org);
    await inspect(t.tokens.user);
    expect(double.requests.filter((r) => r.token === t.tokens.org).every((r) => r.scheme === 'FlyV1')).toBe(true);
    expect(double.requests.filter((r) => r.token === t.tokens.user).every((r) => r.scheme === 'Bearer')).toBe(true);
  });

  it('an organization token reaches its one organization, all of its apps; identity unknown', async () => {
    const result = await inspect(t.tokens.org);
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('organization macaroon');
    expect(result.scope?.identity).toBe('organization "acme"');
    expect(result.scope?.reach.apps).toHaveLength(5);
    expect(result.scope?.unknowns.map((u) => u.what)).toContain('identity');
  });

  it('a deploy token reaches only its app, and is not account-wide', async () => {
    const cred = flyCredential(t.tokens.deploy, { path: 'deploy/.env', name: 'FLY_API_TOKEN' });
    const result = await flyio.inspect!(cred, flyContext(url));
    expect(result.scope?.tokenType).toBe('app-scoped macaroon (deploy token)');
    expect(result.scope?.reach.apps).toEqual(['acme/acme-web-staging']);
    const finding = assess(cred, result, flyio, DEFAULT_POLICY);
    expect(finding.risks.map((r) => r.id)).toEqual(['no-expiry']);
    expect(finding.remediation).toContain('already limited');
  });

  it('a read-only token can delete nothing', async () => {
    const result = await inspect(t.tokens.readonly);
    expect(result.scope?.tokenType).toBe('read-only organization macaroon');
    expect(result.scope?.capabilities.every((c) => c.action === 'read')).toBe(true);
  });

  it('an expired macaroon is invalid from its caveats alone: nothing is sent', async () => {
    const result = await inspect(t.tokens.expired);
    expect(result.verification).toBe('invalid');
    expect(result.reason).toMatch(/ValidityWindow caveat ended on .* \(decoded offline, not sent\)/);
    expect(double.requests).toEqual([]);
  });

  it('a revoked token is invalid, with the reason', async () => {
    const result = await inspect(t.tokens.revoked);
    expect(result).toEqual({
      verification: 'invalid',
      reason: 'Fly.io rejects it: You must be authenticated to view this.',
      scope: null,
    });
  });

  it('retries once after a 429 with Retry-After: 0', async () => {
    const result = await inspect(t.tokens.userLimitedOnce);
    expect(result.verification).toBe('verified');
  });

  it('never lets an echoed token reach a reason', async () => {
    const result = await inspect(t.tokens.echo);
    expect(JSON.stringify(result)).not.toContain(t.tokens.echo);
    expect(JSON.stringify(result)).not.toContain(t.tokens.echo.slice(4));
  });
});
