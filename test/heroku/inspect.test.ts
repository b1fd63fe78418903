import { beforeAll, describe, expect, it } from '@jest/globals';
import { heroku } from '../../providers/heroku/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { HerokuDouble } from './double.js';
import { testWorld } from './world.js';

describe('Heroku inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(heroku, new HerokuDouble(world), tokens);

  describe('a global token', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('global');
    });

    it('is verified, with its user and scope', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('Heroku accepts it with scope global');
      expect(i.scope?.identity).toBe('user ops@acme.example');
      expect(i.scope?.tokenType).toBe('OAuth token');
      expect(i.scope?.permissions).toEqual(['scope: global', 'team acme: admin', 'team partners: member']);
    });

    it('reaches every app across ranges, with its databases, and knows production from the pipeline', () => {
      expect(i.scope?.reach).toEqual({
        teams: ['acme', 'partners'],
        apps: ['shop-api', 'shop-api-staging', 'partner-portal', 'hobby-1', 'hobby-2', 'hobby-3', 'friends-blog'],
        'production apps': ['shop-api', 'partner-portal'],
        databases: [
          'shop-api/postgresql-shaped-12345',
          'shop-api/redis-curved-67890',
          'shop-api-staging/postgresql-flat-24680',
          'partner-portal/postgresql-tall-11111',
        ],
        'add-ons': ['shop-api-staging/papertrail-round-13579'],
      });
      const apps = requestsOf('global').filter((r) => r.path === '/apps');
      expect(apps.map((r) => r.headers.range)).toEqual([
        'id ..; max=1000',
        `id ]${'00000002-0000-4000-8000-000000000000'}..; max=2`,
        `id ]${'00000004-0000-4000-8000-000000000000'}..; max=2`,
        `id ]${'00000006-0000-4000-8000-000000000000'}..; max=2`,
      ]);
    });

    it('can delete the production database and app of the team it administers, not those of a team it only joined', () => {
      const caps = i.scope!.capabilities;
      expect(caps[0]).toEqual({
        action: 'delete',
        resource: 'app "shop-api"',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'delete',
        resource:
          'database "postgresql-shaped-12345" (heroku-postgresql, plan heroku-postgresql:standard-0) of app "shop-api"',
        environment: 'production',
        production: true,
      });
      expect(caps.some((c) => c.action === 'delete' && c.resource.includes('partner-portal'))).toBe(false);
      expect(caps).toContainEqual({
        action: 'write',
        resource: 'deploys and dynos of app "partner-portal"',
        environment: 'production',
        production: true,
      });
      expect(caps.some((c) => c.action === 'delete' && c.resource.includes('friends-blog'))).toBe(false);
    });

    it('asked Heroku API version 3, only the listed GETs, and no schema drift', () => {
      const mine = requestsOf('global');
      expect(
        mine.every((r) => r.method === 'GET' && r.headers.accept === 'application/vnd.heroku+json; version=3'),
      ).toBe(true);
      expect([...new Set(mine.map((r) => r.path))].sort()).toEqual([
        '/account',
        '/addons',
        '/apps',
        '/pipeline-couplings',
        '/teams',
      ]);
      expect(double.problems).toEqual([]);
    });
  });

  it('a legacy key whose scope Heroku does not show is assumed global, and says so', async () => {
    const i = await inspect('legacyKey');
    expect(i.reason).toBe('Heroku accepts it with a scope it does not show');
    expect(i.scope?.tokenType).toBe('API key or OAuth token (unprefixed)');
    expect(i.scope?.unknowns.map((u) => u.what)).toContain("the token's OAuth scope");
    expect(i.scope?.capabilities[0]?.action).toBe('delete');
  });

  it('a read token can read, never delete or change, and reads no config vars', async () => {
    const i = await inspect('read');
    expect(i.scope?.permissions[0]).toBe('scope: read');
    expect(i.scope!.capabilities.every((c) => c.action === 'read')).toBe(true);
    expect(i.scope!.capabilities.some((c) => c.resource.includes('config vars'))).toBe(false);
  });

  it('an identity token sees the account and nothing else', async () => {
    const i = await inspect('identity');
    expect(i.verification).toBe('verified');
    expect(i.scope?.capabilities).toEqual([]);
    expect(i.scope?.reach).toEqual({});
  });

  describe('risks and remediation', () => {
    it('a global token named for DNS in a staging file: critical, naming the production database', async () => {
      const f = await finding('global', { path: 'config/staging/.env', name: 'HEROKU_DNS_TOKEN' });
      expect(f.severity).toBe('critical');
      expect(f.risks.map((r) => r.id).sort()).toEqual([
        'account-wide-token',
        'committed-live-credential',
        'cross-environment',
        'destructive-production-access',
        'intent-mismatch',
        'reads-other-secrets',
      ]);
      expect(f.risks.find((r) => r.id === 'destructive-production-access')?.message).toBe(
        'can delete, with no undo: the database "postgresql-shaped-12345" (heroku-postgresql) of production app "shop-api"; the database "redis-curved-67890" (heroku-redis) of production app "shop-api"; the production app "shop-api" of team "acme"',
      );
      expect(f.remediation).toContain('heroku authorizations:create --scope read');
      expect(f.remediation).toContain('https://devcenter.heroku.com/articles/oauth#scopes');
    });

    it('a legacy key carries the caveat that its scope is assumed', async () => {
      const f = await finding('legacyKey', { path: '.env', name: 'HEROKU_API_KEY' });
      expect(f.risks.find((r) => r.id === 'destructive-production-access')?.message).toContain(
        '(if its scope is global, the default, which Heroku does not show)',
      );
      expect(f.remediation).toContain('Revoke this API key (regenerate it in Account settings)');
    });

    it('a read token raises no destructive or secret-reading risk', async () => {
      const f = await finding('read', { path: '.env', name: 'HEROKU_API_KEY' });
      expect(f.risks.map((r) => r.id)).toEqual(['committed-live-credential']);
    });
  });
});
