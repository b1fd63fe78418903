import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Inspection } from '../../src/core/types.js';
import { railway } from '../../providers/railway/index.js';
import { ALL_DOCUMENTS } from '../../providers/railway/queries.js';
import { RailwayDouble } from './double.js';
import { contextFor, RAILWAY_TEST_TIMEOUT_MS, railwayCredential } from './helpers.js';
import { type TestWorld, testWorld } from './world.js';

describe('Railway inspector against the loopback double', () => {
  let t: TestWorld;
  let double: RailwayDouble;
  let url: string;

  beforeAll(async () => {
    t = testWorld();
    double = new RailwayDouble(t.world);
    url = await double.start();
  });
  afterAll(() => double.stop());

  // Whatever a test did: every request was a known, schema-checked query, answered in real shapes.
  afterEach(() => {
    const documents = new Set(Object.values(ALL_DOCUMENTS));
    for (const r of double.requests) {
      expect(r.method).toBe('POST');
      expect(r.operation).toBe('query');
      expect(documents.has(r.query!)).toBe(true);
    }
    expect(double.unexpectedErrors).toEqual([]);
    double.requests.length = 0;
  });

  const inspect = (token: string, policy = DEFAULT_POLICY): Promise<Inspection> =>
    railway.inspect!(railwayCredential(token), contextFor(url, policy));

  describe('an account token', () => {
    let result: Inspection;
    beforeAll(async () => {
      result = await inspect(t.tokens.account);
    });

    it('is verified as an account token of its user', () => {
      expect(result.verification).toBe('verified');
      expect(result.scope?.tokenType).toBe('account token');
      expect(result.scope?.identity).toBe('user ops@pocket.example');
    });

    it('reaches every project of every workspace, across pages', () => {
      expect(result.scope?.reach.workspaces).toEqual(['Pocket Works', 'Side Projects']);
      expect(result.scope?.reach.projects).toEqual([
        'pocketos',
        'marketing-site',
        'hobby-1',
        'hobby-2',
        'hobby-3',
        'hobby-4',
        'hobby-5',
      ]);
      expect(result.scope?.unknowns).toEqual([]);
    });

    it('maps environments, services, buckets and volumes with their environment', () => {
      const reach = result.scope!.reach;
      expect(reach.environments).toEqual(
        expect.arrayContaining(['pocketos/production', 'pocketos/staging', 'pocketos/pr-12', 'marketing-site/main']),
      );
      expect(reach.services).toEqual(
        expect.arrayContaining(['pocketos/api', 'pocketos/postgres', 'pocketos/redis', 'marketing-site/web']),
      );
      expect(reach.buckets).toEqual(['pocketos/media']);
      expect(reach.volumes).toEqual([
        'pocketos/production/postgres-data',
        'pocketos/production/redis-data',
        'pocketos/production/uploads-cache',
        'pocketos/staging/postgres-data',
      ]);
    });

    it('can delete production volumes and environments, naming mount path and size', () => {
      const caps = result.scope!.capabilities;
      expect(caps).toContainEqual({
        action: 'delete',
        resource:
          'volume "postgres-data" and its backups in environment "production" of project "pocketos" (mounted at /var/lib/postgresql/data on service "postgres", 12346 of 50000 MB used)',
        environment: 'production',
        production: true,
      });
      expect(caps).toContainEqual({
        action: 'delete',
        resource: 'environment "staging" of project "pocketos"',
        environment: 'staging',
        production: false,
      });
      // "main" is no production word, but it is the project's base environment.
      expect(caps).toContainEqual({
        action: 'delete',
        resource: 'environment "main" of project "marketing-site"',
        environment: 'main',
        production: true,
      });
      expect(caps).toContainEqual({ action: 'admin', resource: 'workspace "Side Projects"' });
    });

    it("sees that none of the user's API tokens expires", () => {
      expect(result.scope?.expiresAt).toBeNull();
      expect(result.scope?.facts?.railway).toMatchObject({ expiry: 'none' });
    });
  });

  it('sends every question of an account token as a bearer token, after one project-token probe', async () => {
    await inspect(t.tokens.account);
    const [probe, ...rest] = double.requests;
    expect(probe?.auth).toBe('project');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((r) => r.auth === 'bearer' && r.token === t.tokens.account)).toBe(true);
    // Pages of two: every connection kind had to be followed past its first page.
    const names = new Set(double.requests.map((r) => /query (\w+)/.exec(r.query!)?.[1]));
    for (const followed of [
      'RailwayProjects',
      'RailwayProjectEnvironments',
      'RailwayProjectServices',
      'RailwayEnvironmentVolumes',
      'RailwayApiTokens',
    ]) {
      expect(names).toContain(followed);
    }
    // One page for "Pocket Works" (2 projects), three for "Side Projects" (2 + 2 + 1).
    expect(double.requests.filter((r) => r.query!.startsWith('\nquery RailwayProjects(')).length).toBe(4);
  });

  it('stops at policy.maxProjects and says so', async () => {
    const result = await inspect(t.tokens.account, { ...DEFAULT_POLICY, maxProjects: 3 });
    expect(result.verification).toBe('verified');
    expect(result.scope?.reach.projects).toEqual(['pocketos', 'marketing-site', 'hobby-1']);
    expect(result.scope?.unknowns).toEqual([
      {
        what: 'projects',
        reason: 'the walk stopped after 3 projects (policy maxProjects); the token may reach more',
      },
    ]);
  });

  it('classifies a workspace token: me refused, projects answered', async () => {
    const result = await inspect(t.tokens.workspace);
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('workspace token');
    expect(result.scope?.identity).toBe('workspace "Side Projects"');
    expect(result.scope?.reach.projects).toEqual(['hobby-1', 'hobby-2', 'hobby-3', 'hobby-4', 'hobby-5']);
    expect(result.scope?.reach.environments).toEqual([
      'hobby-1/dev',
      'hobby-2/dev',
      'hobby-3/dev',
      'hobby-4/dev',
      'hobby-5/dev',
    ]);
    // apiTokens answers only for a user: the expiry stays unknown, and says why.
    expect(result.scope?.unknowns.map((u) => u.what)).toEqual(['expiry']);
    expect(result.scope?.capabilities.some((c) => c.production)).toBe(false);
  });

  it('classifies a project token and maps its one environment', async () => {
    const result = await inspect(t.tokens.projectStaging);
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('project token');
    expect(result.scope?.identity).toBe('environment "staging" of project "pocketos"');
    expect(result.scope?.reach).toEqual({
      projects: ['pocketos'],
      environments: ['pocketos/staging'],
      services: ['pocketos/api', 'pocketos/postgres', 'pocketos/redis'],
      volumes: ['pocketos/staging/postgres-data'],
    });
    expect(result.scope?.capabilities.map((c) => c.action)).not.toContain('delete');
    expect(result.scope?.capabilities.map((c) => c.action)).not.toContain('admin');
    expect(result.scope?.capabilities).toContainEqual({
      action: 'write',
      resource: 'variables of every service in environment "staging" of project "pocketos"',
      environment: 'staging',
      production: false,
    });
    // A project token only ever travels in its own header.
    expect(double.requests.every((r) => r.auth === 'project')).toBe(true);
  });

  it('marks the production environment of a project token', async () => {
    const result = await inspect(t.tokens.projectProduction);
    expect(result.scope?.capabilities.every((c) => c.environment === 'production' && c.production === true)).toBe(true);
    expect(result.scope?.reach.volumes).toEqual([
      'pocketos/production/postgres-data',
      'pocketos/production/redis-data',
      'pocketos/production/uploads-cache',
    ]);
  });

  it('calls a token Railway does not know invalid', async () => {
    const result = await inspect(crypto.randomUUID());
    expect(result).toEqual({ verification: 'invalid', reason: 'Railway rejects it: Not Authorized', scope: null });
  });

  it('keeps the token out of the reason even when Railway repeats it', async () => {
    const result = await inspect(t.tokens.echo);
    expect(result.verification).toBe('invalid');
    expect(result.reason).not.toContain(t.tokens.echo);
    // The redacted form: a short head, four stars, the last two characters.
    expect(result.reason).toMatch(/^Railway rejects it: Not Authorized: [0-9a-f-]{2,11}\*{4}[0-9a-f]{2}$/);
  });

  it('keeps a token that needs two-factor verified, with its reach unknown and why', async () => {
    const result = await inspect(t.tokens.twoFactor);
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('account token');
    expect(result.scope?.reach).toEqual({});
    expect(result.scope?.unknowns).toEqual([
      {
        what: 'reach',
        reason:
          'Railway accepts the token but requires two-factor authentication before it lists what the token reaches (Two Factor Authentication Required)',
      },
    ]);
  });

  it('maps what it can when one workspace withholds its projects for two-factor, and says why', async () => {
    const result = await inspect(t.tokens.sideTwoFactor);
    expect(result.verification).toBe('verified');
    expect(result.reason).toBe('Railway accepts it as an account token (reach only partly mapped: see unknowns)');
    expect(result.scope?.reach.projects).toEqual(['pocketos', 'marketing-site']);
    expect(result.scope?.unknowns).toEqual([
      {
        what: 'projects of workspace "Side Projects"',
        reason: 'Railway refused the question: Two Factor Authentication Required',
      },
    ]);
  });

  it('keeps a verified token verified when Railway stops answering half-way, with what it mapped', async () => {
    const result = await inspect(t.tokens.hangHalfway);
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('account token');
    // pocketos has three environments: the second page is the one that never comes.
    expect(result.scope?.unknowns).toEqual([
      {
        what: 'environments of project "pocketos"',
        reason: `no answer within ${RAILWAY_TEST_TIMEOUT_MS} ms; the walk stopped there`,
      },
    ]);
    // What the first pages said is kept (marketing-site came whole in the first page of
    // projects); nothing more was asked, so "Side Projects" was never listed.
    expect(result.scope?.reach.projects).toEqual(['pocketos', 'marketing-site']);
    expect(result.scope?.reach.environments).toEqual([
      'pocketos/production',
      'pocketos/staging',
      'marketing-site/main',
    ]);
    expect(result.scope?.reach.volumes).toEqual([
      'pocketos/production/postgres-data',
      'pocketos/production/redis-data',
      'pocketos/staging/postgres-data',
    ]);
  });

  it('waits out a short Retry-After and goes on', async () => {
    const result = await inspect(t.tokens.limitOnce);
    expect(result.verification).toBe('verified');
    expect(result.scope?.tokenType).toBe('account token');
  });
});
