import { beforeAll, describe, expect, it } from '@jest/globals';
import { neon } from '../../providers/neon/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { NeonDouble } from './double.js';
import { testWorld } from './world.js';

describe('Neon inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(neon, new NeonDouble(world), tokens);

  describe('an organization key', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('acmeOrg');
    });

    it('is told apart by GET /auth, and reaches the organization, its branches and databases', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('Neon accepts it as an organization API key reaching 2 project(s)');
      expect(i.scope?.identity).toBe('organization "Acme"');
      expect(i.scope?.reach).toEqual({
        organizations: ['Acme'],
        projects: ['Acme/shop', 'Acme/analytics-staging'],
        'production projects': ['Acme/shop'],
        branches: ['shop/main', 'shop/preview-42', 'analytics-staging/main'],
        databases: ['shop/main/shop', 'shop/preview-42/shop', 'analytics-staging/main/events'],
      });
      expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['organization or project key']);
    });

    it('can delete the production project and its protected branch, listed first', () => {
      expect(i.scope?.capabilities.slice(0, 2)).toEqual([
        {
          action: 'delete',
          resource: 'project "shop" (shop-1) of "Acme", every branch and database',
          environment: 'production',
          production: true,
        },
        {
          action: 'delete',
          resource: 'branch "main" of project "shop" with database(s) shop',
          environment: 'production',
          production: true,
        },
      ]);
      expect(i.scope?.capabilities).toContainEqual({
        action: 'delete',
        resource: 'branch "preview-42" of project "shop" with database(s) shop',
      });
    });

    it('asked only the listed reads', () => {
      expect([...new Set(requestsOf('acmeOrg').map((r) => `${r.method} ${r.path}`))]).toEqual([
        'GET /auth',
        'GET /users/me/organizations',
        'GET /projects',
        'GET /projects/shop-1/branches',
        'GET /projects/shop-1/branches/br-main-1/databases',
        'GET /projects/shop-1/branches/br-preview-42/databases',
        'GET /projects/analytics-staging-1/branches',
        'GET /projects/analytics-staging-1/branches/br-main-2/databases',
      ]);
    });
  });

  it('a personal key reaches every organization of its user, across pages of projects', async () => {
    const i = await inspect('personal');
    expect(i.scope?.tokenType).toBe('personal API key');
    expect(i.scope?.reach.organizations).toEqual(['Acme', 'Bulk']);
    expect(i.scope?.reach.projects).toHaveLength(107);
    const bulk = double.requests.filter(
      (r) => r.token === tokens.personal && r.path === '/projects' && r.query.get('org_id') === 'org-bulk',
    );
    expect(bulk.map((r) => r.query.get('cursor'))).toEqual([null, 'bulk-99']);
  });

  describe('risks and remediation', () => {
    it('an organization key named for deploys in a staging file: critical, naming the production project', async () => {
      const f = await finding('acmeOrg', { path: 'deploy/staging/.env', name: 'NEON_DEPLOY_API_KEY' });
      expect(f.severity).toBe('critical');
      expect(f.risks.map((r) => r.id)).toEqual([
        'destructive-production-access',
        'account-wide-token',
        'cross-environment',
        'intent-mismatch',
        'no-expiry',
        'committed-live-credential',
      ]);
      expect(f.risks[0]!.message).toBe(
        'can delete, branches and databases with it: the project "shop" (shop-1) of "Acme" with 2 database(s)',
      );
      expect(f.remediation).toContain('create a project-scoped API key for the one project it is used for');
    });

    it('a project-scoped key for a staging project: no destructive or account-wide risk, and its project named', async () => {
      const f = await finding('stagingProject', { path: 'apps/analytics/.env', name: 'NEON_API_KEY' });
      const ids = f.risks.map((r) => r.id);
      expect(ids).not.toContain('destructive-production-access');
      expect(ids).not.toContain('account-wide-token');
      expect(ids).toContain('no-expiry');
      expect(f.remediation).toContain('for the project "analytics-staging" (analytics-staging-1)');
    });
  });
});
