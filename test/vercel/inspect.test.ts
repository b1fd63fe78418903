import { beforeAll, describe, expect, it } from '@jest/globals';
import { vercel } from '../../providers/vercel/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { VercelDouble } from './double.js';
import { EXPIRES_AT, testWorld } from './world.js';

describe('Vercel inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(vercel, new VercelDouble(world), tokens);

  describe('a full-account token', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('account');
    });

    it('is verified, with its user and its metadata', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('Vercel accepts it as a personal access token "laptop" scoped to the whole account');
      expect(i.scope?.identity).toBe('user ops@acme.example');
      expect(i.scope?.tokenType).toBe('personal access token');
      expect(i.scope?.expiresAt).toBeNull();
      expect(i.scope?.permissions).toEqual([
        'scope: full account',
        'account ops: OWNER',
        'team acme: OWNER',
        'team partners: VIEWER',
      ]);
    });

    it('reaches every team, every project across pages, and the zones Vercel serves', () => {
      expect(i.scope?.reach).toEqual({
        teams: ['acme', 'partners'],
        accounts: ['ops'],
        projects: [
          'ops/hobby-1',
          'ops/hobby-2',
          'ops/hobby-3',
          'ops/hobby-4',
          'ops/hobby-5',
          'acme/storefront',
          'acme/storefront-staging',
          'acme/docs',
          'partners/partner-portal',
          'partners/partner-sandbox',
        ],
        'production projects': ['acme/storefront', 'acme/docs', 'partners/partner-portal'],
        domains: ['ops-hobby.example', 'acme.example', 'acme-old.example', 'partners.example'],
        zones: ['ops-hobby.example', 'acme.example', 'partners.example'],
      });
      // Five personal projects in pages of two: three pages, the later ones asked with `until`.
      const personal = double.requests.filter(
        (r) => r.token === tokens.account && r.path === '/v10/projects' && !r.query.has('teamId'),
      );
      expect(personal).toHaveLength(3);
      expect(personal.slice(1).every((r) => r.query.has('until'))).toBe(true);
    });

    it('can delete the production project of the team it owns, but only read where the user is a Viewer', () => {
      const caps = i.scope!.capabilities;
      expect(caps[0]).toEqual({
        action: 'delete',
        resource: 'project "storefront" of "acme", its deployments and domains',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'write',
        resource: 'DNS records of "acme.example"',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'read',
        resource: 'project "partner-portal" of "partners"',
        environment: 'production',
        production: true,
      });
      expect(caps.some((c) => c.resource.includes('partners') && c.action !== 'read')).toBe(false);
    });

    it('says what reads could not settle', () => {
      expect(i.scope?.unknowns.map((u) => u.what)).toEqual([
        'the exact rights of a team role',
        'Marketplace databases',
      ]);
    });

    it('asked only GETs of the listed operations', () => {
      const paths = new Set(requestsOf('account').map((r) => `${r.method} ${r.path}`));
      expect([...paths].sort()).toEqual([
        'GET /v10/projects',
        'GET /v2/teams',
        'GET /v2/user',
        'GET /v5/domains',
        'GET /v5/user/tokens/current',
      ]);
    });
  });

  it('a token scoped to one team reaches only that team, and says projects may be fewer', async () => {
    const i = await inspect('acmeOnly');
    expect(i.scope?.reach.teams).toEqual(['acme']);
    expect(i.scope?.reach.accounts).toBeUndefined();
    expect(i.scope?.reach.projects).toEqual(['acme/storefront', 'acme/storefront-staging', 'acme/docs']);
    expect(i.scope?.unknowns.map((u) => u.what)).toContain('project scoping');
  });

  it('reads the expiry from the token metadata', async () => {
    const i = await inspect('expiring');
    expect(i.scope?.expiresAt).toBe(new Date(EXPIRES_AT).toISOString());
  });

  it('a refresh token is never sent', async () => {
    const i = await inspect('refresh');
    expect(i.verification).toBe('unverified');
    expect(i.reason).toMatch(/refresh token/);
    expect(requestsOf('refresh')).toHaveLength(0);
  });

  describe('risks and remediation', () => {
    it('a full-account token named for DNS in a staging file: critical, naming the production project', async () => {
      const f = await finding('account', { path: 'deploy/staging/.env', name: 'VERCEL_DNS_TOKEN' });
      expect(f.severity).toBe('critical');
      const ids = f.risks.map((r) => r.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'destructive-production-access',
          'dns-takeover',
          'account-wide-token',
          'admin',
          'cross-environment',
          'intent-mismatch',
          'no-expiry',
        ]),
      );
      expect(f.risks.find((r) => r.id === 'destructive-production-access')?.message).toBe(
        'can delete, with no undo: the project "storefront" of "acme" with its production deployments and domains; the project "docs" of "acme" with its production deployments and domains; the production domain "acme.example"',
      );
      expect(f.risks.find((r) => r.id === 'dns-takeover')?.message).toContain('"acme.example"');
      expect(f.risks.find((r) => r.id === 'dns-takeover')?.message).not.toContain('partners.example');
      expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toBe(
        '"VERCEL_DNS_TOKEN" states a narrow purpose ("dns"), yet this token is scoped to the whole account: its personal projects and 2 teams (10 projects)',
      );
      expect(f.remediation).toContain('Revoke this token and create a token scoped to the one team it is used for');
      expect(f.remediation).toContain('https://vercel.com/docs/accounts/access-tokens');
    });

    it('a team token named for its project: the project-scoped token is the remedy', async () => {
      const f = await finding('acmeOnly', { path: 'apps/storefront/.env', name: 'VERCEL_TOKEN' });
      expect(f.remediation).toContain(
        'a token scoped to the project "storefront" of "acme" (https://vercel.com/changelog/project-scoped-tokens), with an expiration date',
      );
      expect(f.risks.map((r) => r.id)).not.toContain('account-wide-token');
    });

    it('a token reaching only a team where its user is a Viewer raises no destructive risk', async () => {
      const f = await finding('partnersOnly', { path: '.env', name: 'VERCEL_TOKEN' });
      expect(f.risks.map((r) => r.id)).not.toContain('destructive-production-access');
      expect(f.risks.map((r) => r.id)).not.toContain('dns-takeover');
      expect(f.risks.map((r) => r.id)).not.toContain('no-expiry');
    });
  });
});
