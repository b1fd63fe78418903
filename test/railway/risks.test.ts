import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { railway } from '../../providers/railway/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Finding } from '../../src/core/types.js';
import { RailwayDouble } from './double.js';
import { contextFor, railwayCredential } from './helpers.js';
import { type TestWorld, type TokenName, testWorld } from './world.js';

const DOCS = 'https://docs.railway.com/guides/public-api#creating-a-token';

describe('Railway risks and remediation', () => {
  let t: TestWorld;
  let double: RailwayDouble;
  let url: string;

  beforeAll(async () => {
    t = testWorld();
    double = new RailwayDouble(t.world);
    url = await double.start();
  });
  afterAll(() => double.stop());

  /** The whole chain for one token found at one place: inspect at the double, then the policy. */
  async function finding(token: TokenName, place: { path: string; name?: string }): Promise<Finding> {
    const credential = railwayCredential(t.tokens[token], { ...place, source: 'tracked' });
    const inspection = await railway.inspect!(credential, contextFor(url));
    return assess(credential, inspection, railway, DEFAULT_POLICY);
  }
  const risk = (f: Finding, id: string) => f.risks.find((r) => r.id === id);

  describe('an account token named for domains', () => {
    let f: Finding;
    beforeAll(async () => {
      f = await finding('account', { path: 'infra/domains/.env', name: 'RAILWAY_DOMAIN_TOKEN' });
    });

    it('is critical: it can delete production volumes and environments, which it names', () => {
      expect(f.severity).toBe('critical');
      const message = risk(f, 'destructive-production-access')?.message;
      expect(risk(f, 'destructive-production-access')?.severity).toBe('critical');
      expect(message).toContain('the volume "postgres-data" in environment "production" of project "pocketos"');
      expect(message).toContain('the volume "redis-data" in environment "production" of project "pocketos"');
      // Staging volumes are not production, and are not named as such.
      expect(message).not.toContain('staging');
      // Four of five targets are listed; the rest are counted.
      expect(message).toMatch(/; and 1 more$/);
    });

    it('is account-wide, and says how wide', () => {
      expect(risk(f, 'account-wide-token')).toEqual({
        id: 'account-wide-token',
        // Broad (it administers every project), and committed: at least critical.
        severity: 'critical',
        message: 'an account token: admin over every workspace of its user (2 workspaces, 7 projects)',
      });
    });

    it('betrays its stated narrow purpose', () => {
      expect(risk(f, 'intent-mismatch')?.message).toBe(
        '"RAILWAY_DOMAIN_TOKEN" states a narrow purpose ("domain"), yet this is an account token: admin over every workspace of its user (2 workspaces, 7 projects)',
      );
    });

    it('reads the secrets of other services', () => {
      expect(risk(f, 'reads-other-secrets')?.message).toMatch(
        /^can read and change the variables, and so the secrets, of 9 service\(s\): service "api" of project "pocketos"/,
      );
    });

    it('never expires', () => {
      expect(risk(f, 'no-expiry')?.severity).toBe('medium');
    });

    it('is not cross-environment: nothing in its place says staging, dev or test', () => {
      expect(risk(f, 'cross-environment')).toBeUndefined();
    });

    it('is told to become a project token, with the docs', () => {
      expect(f.remediation).toContain('Revoke this account token and use a project token for');
      expect(f.remediation).toContain(DOCS);
    });
  });

  it('names project and environment in the remediation when the place names them', async () => {
    const f = await finding('account', { path: 'apps/pocketos/staging/.env', name: 'RAILWAY_API_TOKEN' });
    expect(f.remediation).toContain('use a project token for environment «staging» of «pocketos» instead');
    // The path says staging, the token reaches production.
    expect(risk(f, 'cross-environment')?.message).toMatch(
      /^found where "apps\/pocketos\/staging\/\.env" says "staging", yet it reaches production: environment "production" of project "pocketos"/,
    );
  });

  it('finds a production project token in a staging place cross-environment, and offers the staging one', async () => {
    const f = await finding('projectProduction', { path: 'deploy/staging.env', name: 'RAILWAY_TOKEN' });
    // Committed, and it reaches production from a staging place: broad, so critical, where the
    // staging token in the same place (below) is high.
    expect(f.severity).toBe('critical');
    expect(risk(f, 'cross-environment')).toEqual({
      id: 'cross-environment',
      severity: 'critical',
      message:
        'found where "deploy/staging.env" says "staging", yet it reaches production: environment "production" of project "pocketos"',
    });
    expect(risk(f, 'destructive-production-access')).toBeUndefined();
    expect(risk(f, 'intent-mismatch')).toBeUndefined();
    expect(risk(f, 'account-wide-token')).toBeUndefined();
    expect(f.remediation).toContain('use a project token for the «staging» environment of «pocketos» instead');
  });

  it("leaves a staging project token in its own place with only its neighbours' secrets to answer for", async () => {
    const f = await finding('projectStaging', { path: 'deploy/staging.env', name: 'RAILWAY_TOKEN' });
    expect(f.severity).toBe('high');
    expect(f.risks.map((r) => r.id).sort()).toEqual(['committed-live-credential', 'reads-other-secrets']);
    expect(risk(f, 'reads-other-secrets')).toEqual({
      id: 'reads-other-secrets',
      severity: 'medium',
      message:
        'can read the variables of every service in environment "staging" of project "pocketos": "api"; "postgres"; "redis"',
    });
    expect(f.remediation).toContain("already Railway's narrowest credential");
  });

  it('names the workspace a workspace token rules, and finds nothing in production', async () => {
    const f = await finding('workspace', { path: '.env', name: 'RAILWAY_API_TOKEN' });
    expect(risk(f, 'account-wide-token')?.message).toBe(
      'a workspace token: admin over every project of workspace "Side Projects" (5 projects)',
    );
    expect(risk(f, 'destructive-production-access')).toBeUndefined();
    expect(risk(f, 'no-expiry')).toBeUndefined();
  });

  it('raises nothing of its own for a dead token', async () => {
    const credential = railwayCredential(crypto.randomUUID(), { path: '.env', name: 'RAILWAY_TOKEN' });
    const inspection = await railway.inspect!(credential, contextFor(url));
    const f = assess(credential, inspection, railway, DEFAULT_POLICY);
    expect(f.risks.map((r) => r.id)).toEqual(['invalid-credential']);
  });
});
