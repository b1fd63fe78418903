import { beforeAll, describe, expect, it } from '@jest/globals';
import { netlify } from '../../providers/netlify/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { NetlifyDouble } from './double.js';
import { testWorld } from './world.js';

describe('Netlify inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(netlify, new NetlifyDouble(world), tokens);

  describe('a personal access token', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('personal');
    });

    it('is verified, with its user, and its role in each team', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('Netlify accepts it as a personal access token of ops@acme.example');
      expect(i.scope?.permissions).toEqual([
        'full access of its user (Netlify tokens have no scopes)',
        'team acme: Owner',
        'team partners: Developer',
        'team auditors: Reviewer',
      ]);
    });

    it('reaches every team and zone across pages, the zones of live sites as production', () => {
      expect(i.scope?.reach).toEqual({
        teams: ['acme', 'partners', 'auditors'],
        zones: ['acme.example', 'acme-staging.example', 'partners.example', 'audit.example'],
        'production zones': ['acme.example', 'partners.example', 'audit.example'],
      });
      const zonePages = requestsOf('personal').filter((r) => r.path === '/dns_zones');
      expect(zonePages.map((r) => r.query.get('page'))).toEqual([null, '2']);
    });

    it('can delete where the user owns the team, change DNS where it develops, only read where it reviews', () => {
      const caps = i.scope!.capabilities;
      expect(caps[0]).toEqual({
        action: 'delete',
        resource: 'every site of team "acme", with its deploys and database',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'delete',
        resource: 'DNS zone "acme.example"',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'write',
        resource: 'DNS records of zone "partners.example"',
        environment: 'production',
        production: true,
      });
      expect(caps.filter((c) => c.resource.includes('audit')).every((c) => c.action === 'read')).toBe(true);
    });

    it('never asks for a site, and says why sites are not listed', () => {
      expect(requestsOf('personal').some((r) => r.path.startsWith('/sites'))).toBe(false);
      expect(i.scope?.unknowns.find((u) => u.what === 'sites and their databases')?.reason).toBe(
        "Netlify's site objects carry site passwords, build environment variables and deploy-hook URLs, so no site listing is asked; the user has 6 site(s)",
      );
    });

    it('asked only the listed GETs, and the double stayed in the described shapes', () => {
      expect([...new Set(requestsOf('personal').map((r) => `${r.method} ${r.path}`))].sort()).toEqual([
        'GET /accounts',
        'GET /auditors/members',
        'GET /dns_zones',
        'GET /partners/members',
        'GET /user',
      ]);
      expect(double.problems).toEqual([]);
    });
  });

  it('a token named for DNS in a staging file: critical, naming the live zone, with a build hook as remedy', async () => {
    const f = await finding('personal', { path: 'sites/staging/.env', name: 'NETLIFY_DNS_TOKEN' });
    expect(f.severity).toBe('critical');
    expect(f.risks.map((r) => r.id).sort()).toEqual([
      'account-wide-token',
      'committed-live-credential',
      'cross-environment',
      'destructive-production-access',
      'dns-takeover',
      'intent-mismatch',
    ]);
    expect(f.risks.find((r) => r.id === 'destructive-production-access')?.message).toBe(
      'can delete, with no undo: the DNS zone "acme.example" of a live site; every site of team "acme" with its deploys and database',
    );
    expect(f.risks.find((r) => r.id === 'dns-takeover')?.message).toContain('"acme.example"; "partners.example"');
    expect(f.risks.find((r) => r.id === 'dns-takeover')?.message).not.toContain('audit.example');
    expect(f.remediation).toContain('https://docs.netlify.com/configure-builds/build-hooks/');
  });
});
