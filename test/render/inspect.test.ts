import { beforeAll, describe, expect, it } from '@jest/globals';
import { render } from '../../providers/render/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { RenderDouble } from './double.js';
import { testWorld } from './world.js';

describe('Render inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { inspect, finding, requestsOf } = useDouble(render, new RenderDouble(world), tokens);

  describe('a classic API key', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('key');
    });

    it('is verified, with its user and its role in each workspace', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('Render accepts it as an API key of ops@acme.example, reaching 3 workspace(s)');
      expect(i.scope?.permissions).toEqual([
        'workspace Ops: owner',
        'workspace Acme: ADMIN',
        'workspace Partners: DEVELOPER',
      ]);
    });

    it('reaches every workspace, environment, service, database and disk, across pages', () => {
      expect(i.scope?.reach).toEqual({
        workspaces: ['Ops', 'Acme', 'Partners'],
        environments: ['shop/production', 'shop/staging', 'portal/production'],
        services: [
          'Ops/hobby-1',
          'Ops/hobby-2',
          'Ops/hobby-3',
          'Acme/shop-api',
          'Acme/shop-api-staging',
          'Partners/portal-web',
        ],
        databases: ['Acme/shop-db', 'Acme/shop-db-staging', 'Partners/portal-db', 'Acme/shop-cache'],
        disks: ['Acme/uploads'],
      });
      const hobbyPages = requestsOf('key').filter(
        (r) => r.path === '/services' && r.query.get('ownerId') === 'usr-ops',
      );
      expect(hobbyPages.map((r) => r.query.get('cursor'))).toEqual([null, 'srv-hobby-2', 'srv-hobby-3']);
    });

    it('can delete production where it is Admin, and in a protected environment only there', () => {
      const caps = i.scope!.capabilities;
      expect(caps).toContainEqual({
        action: 'delete',
        resource: 'Postgres database "shop-db" of "Acme"',
        environment: 'shop/production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'delete',
        resource: 'disk "uploads" (10 GB at /var/data on service "shop-api") of "Acme"',
        environment: 'shop/production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'write',
        resource: 'deploys of Postgres database "portal-db" of "Partners"',
        environment: 'portal/production',
        production: true,
      });
      expect(caps[0]?.action).toBe('delete');
      expect(caps[0]?.production).toBe(true);
    });

    it('asked only the listed GETs, never a connection string or env vars', () => {
      const paths = new Set(requestsOf('key').map((r) => `${r.method} ${r.path}`));
      expect([...paths].sort()).toEqual([
        'GET /disks',
        'GET /environments',
        'GET /key-value',
        'GET /owners',
        'GET /owners/tea-acme/members',
        'GET /owners/tea-partners/members',
        'GET /postgres',
        'GET /projects',
        'GET /services',
        'GET /users',
      ]);
    });
  });

  it('a key named for DNS in a staging file: critical, naming the production database first', async () => {
    const f = await finding('key', { path: 'infra/staging/.env', name: 'RENDER_DNS_KEY' });
    expect(f.severity).toBe('critical');
    expect(f.risks.map((r) => r.id).sort()).toEqual([
      'account-wide-token',
      'committed-live-credential',
      'cross-environment',
      'destructive-production-access',
      'intent-mismatch',
      'no-expiry',
      'reads-other-secrets',
    ]);
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access')!.message;
    expect(destructive).toMatch(
      /^can delete, with no undo: the Postgres database "shop-db" of "Acme" in shop\/production; /,
    );
    expect(destructive).not.toContain('portal');
    expect(f.remediation).toContain('scoped API key for the one workspace');
    expect(f.remediation).toContain('https://render.com/docs/deploy-hooks');
  });
});
