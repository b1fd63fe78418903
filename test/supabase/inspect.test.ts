import { beforeAll, describe, expect, it } from '@jest/globals';
import { supabase } from '../../providers/supabase/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { doubleContext, foundCredential } from '../helpers/found.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { SupabaseDouble } from './double.js';
import { supabaseJwt, supabaseSecretKey } from './tokens.js';
import { testWorld } from './world.js';

// Project keys are never sent: their context points nowhere, and the double must see nothing.
const NOWHERE = doubleContext(supabase, 'http://127.0.0.1:9');

describe('Supabase inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(supabase, new SupabaseDouble(world), tokens);

  describe('an access token of a member of two organizations', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('account');
    });

    it('is verified, and reaches every organization, project and branch', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe(
        'Supabase accepts it as a personal access token reaching 2 organization(s) and 3 project(s)',
      );
      expect(i.scope?.identity).toBe('member of "Acme", "Hobby"');
      expect(i.scope?.reach).toEqual({
        organizations: ['acme', 'hobby'],
        projects: ['acme/shop-production', 'acme/shop-staging', 'hobby/side-project'],
        'production projects': ['acme/shop-production'],
        branches: ['shop-production/preview-checkout'],
      });
    });

    it('can delete the production project first, then the rest', () => {
      const caps = i.scope!.capabilities;
      expect(caps[0]).toEqual({
        action: 'delete',
        resource: 'project "shop-production" (qwertyuiopasdfghjklz) of "acme", its database and branches',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'delete',
        resource: 'branch "preview-checkout" of project "shop-production"',
      });
      expect(caps.filter((c) => c.production)).toHaveLength(1);
    });

    it('says what reads could not settle', () => {
      expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['read-write or read-only', 'expiry']);
    });

    it('asked only the three listings, and the branches of every project', () => {
      expect(requestsOf('account').map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /v1/organizations',
        'GET /v1/projects',
        'GET /v1/projects/qwertyuiopasdfghjklz/branches',
        'GET /v1/projects/zxcvbnmasdfghjklqwer/branches',
        'GET /v1/projects/mnbvcxzlkjhgfdsapoiu/branches',
      ]);
    });
  });

  it('a token in a staging file named for deploys: critical, naming the production project', async () => {
    const f = await finding('account', { path: 'deploy/staging/.env', name: 'SUPABASE_DEPLOY_TOKEN' });
    expect(f.severity).toBe('critical');
    expect(f.risks.map((r) => r.id)).toEqual([
      'destructive-production-access',
      'account-wide-token',
      'cross-environment',
      'intent-mismatch',
      'committed-live-credential',
    ]);
    expect(f.risks[0]!.message).toBe(
      'can delete, with its database and no undo: the project "shop-production" (qwertyuiopasdfghjklz) of "acme" with its database',
    );
    expect(f.remediation).toContain('create a scoped access token limited to the one project it is used for');
    expect(f.remediation).toContain('https://supabase.com/docs/guides/platform/personal-access-tokens');
  });

  it('a token whose user sees no production project raises no destructive risk, and names its one project', async () => {
    const f = await finding('hobbyOnly', { path: 'tools/.env', name: 'SUPABASE_ACCESS_TOKEN' });
    expect(f.risks.map((r) => r.id)).not.toContain('destructive-production-access');
    expect(f.risks.map((r) => r.id)).toContain('account-wide-token');
    expect(f.remediation).toContain('limited to the project "side-project" (mnbvcxzlkjhgfdsapoiu)');
  });

  it('an OAuth-app token is inspected the same way, its scopes an unknown', async () => {
    const i = await inspect('oauth');
    expect(i.scope?.tokenType).toBe('OAuth-app access token');
    expect(i.scope?.unknowns[0]?.reason).toMatch(/scopes its app was granted/);
  });

  describe('project keys are read offline and never sent', () => {
    it('a service_role JWT names its project and bypasses row-level security', async () => {
      const key = supabaseJwt('service_role', 'abcdefghijklmnopqrst');
      const c = foundCredential('supabase', 'supabase-service-role-key', 'service_role key', key, {
        path: 'web/.env',
        source: 'tracked',
      });
      const i = await supabase.inspect!(c, NOWHERE);
      expect(i.verification).toBe('skipped');
      expect(i.scope?.identity).toBe('project abcdefghijklmnopqrst');
      expect(i.scope?.reach).toEqual({ projects: ['abcdefghijklmnopqrst'] });
      expect(i.scope?.expiresAt).toBe(new Date(2_015_576_000 * 1000).toISOString());
      const f = assess(c, i, supabase, DEFAULT_POLICY);
      expect(f.severity).toBe('critical');
      expect(f.risks[0]).toEqual({
        id: 'bypasses-row-level-security',
        severity: 'critical',
        message:
          'bypasses row-level security: reads, changes and deletes every row and stored file of project abcdefghijklmnopqrst',
      });
      expect(f.remediation).toContain('publishable key');
      expect(double.requests.filter((r) => r.token === key)).toHaveLength(0);
    });

    it('an sb_secret_ key bypasses row-level security, its project unknown', async () => {
      const key = supabaseSecretKey();
      const c = foundCredential('supabase', 'supabase-secret-key', 'secret key', key);
      const i = await supabase.inspect!(c, NOWHERE);
      expect(i.verification).toBe('skipped');
      expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['the project']);
      expect(assess(c, i, supabase, DEFAULT_POLICY).risks.map((r) => r.id)).toContain('bypasses-row-level-security');
      expect(double.requests.filter((r) => r.token === key)).toHaveLength(0);
    });
  });
});
