import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { GithubDouble } from './double.js';
import { inspectAgainst } from './harness.js';
import { makePlans } from './plans.js';
import { credentialFor } from './tokens.js';

const plans = makePlans();
const double = new GithubDouble(plans);
const cred = (name: keyof typeof plans, paths?: string[]) => credentialFor(plans[name]!.token, paths);
const callsOf = (name: string) => double.calls.filter((c) => c.plan === name).map((c) => `${c.method} ${c.path}`);

beforeAll(() => double.start());
afterAll(() => double.stop());
afterEach(() => expect(double.problems).toEqual([]));

describe('classic tokens', () => {
  test('repo, delete_repo, admin:org, workflow: implied scopes, org admin, deletes, workflows, no expiry', async () => {
    const { inspection } = await inspectAgainst(double, cred('classicBroad'));
    expect(inspection.verification).toBe('verified');
    const scope = inspection.scope!;
    expect(scope.identity).toBe('alice');
    expect(scope.tokenType).toBe('personal access token (classic)');
    expect(scope.permissions).toEqual([
      'admin:org',
      'delete_repo',
      'manage_runners:org',
      'public_repo',
      'read:org',
      'repo',
      'repo:invite',
      'repo:status',
      'repo_deployment',
      'security_events',
      'workflow',
      'write:org',
      'org acme: admin',
      'org side-project: member',
    ]);
    const caps = scope.capabilities.map((c) => `${c.action} ${c.resource}`);
    expect(caps).toContain('admin org:acme');
    expect(caps).not.toContain('admin org:side-project');
    expect(caps.filter((c) => c.startsWith('delete '))).toEqual(['delete repo:alice/dotfiles']);
    expect(caps.filter((c) => c.startsWith('write repo:'))).toHaveLength(13);
    expect(caps).not.toContain('write repo:octo/public-lib');
    expect(caps.filter((c) => c.startsWith('write workflows:'))).toHaveLength(13);
    expect(scope.expiresAt).toBeNull();
    expect(scope.reach['organizations']).toEqual(['acme', 'side-project']);
    expect(scope.reach['repositories']).toHaveLength(14);
    expect(callsOf('classicBroad')).toEqual(['GET /user', 'GET /user/repos', 'GET /user/memberships/orgs']);
  });

  test('public_repo writes to public repositories only; the UTC expiry header is read', async () => {
    const { inspection } = await inspectAgainst(double, cred('classicPublic'));
    const scope = inspection.scope!;
    expect(scope.permissions).toEqual(['public_repo', 'read:org']);
    expect(scope.capabilities).toEqual([{ action: 'write', resource: 'repo:acme/open' }]);
    expect(scope.expiresAt).toBe('2030-01-02T03:04:05.000Z');
  });

  test('write:packages implies read:packages and means publishing packages', async () => {
    const { inspection } = await inspectAgainst(double, cred('classicPackages'));
    expect(inspection.scope!.permissions).toEqual(['read:packages', 'write:packages']);
    expect(inspection.scope!.capabilities).toEqual([{ action: 'write', resource: 'packages' }]);
  });

  test('site_admin on GET /user is kept for the risks', async () => {
    const { inspection } = await inspectAgainst(double, cred('siteAdmin'));
    expect(inspection.scope!.facts?.['siteAdmin']).toBe(true);
  });

  test('a refused listing becomes an unknown, the token stays verified', async () => {
    const { inspection } = await inspectAgainst(double, cred('noMemberships'));
    expect(inspection.verification).toBe('verified');
    expect(inspection.scope!.tokenType).toBe('OAuth app token');
    expect(inspection.scope!.unknowns).toEqual([
      { what: '/user/memberships/orgs', reason: expect.stringContaining('HTTP 403') },
    ]);
    expect(inspection.scope!.capabilities).toContainEqual({ action: 'write', resource: 'repo:hana/notes' });
  });
});

describe('fine-grained, app and installation tokens', () => {
  test('a fine-grained token reaching 3 repositories: roles, orgs, offset expiry, unknowns', async () => {
    const { inspection } = await inspectAgainst(double, cred('fineGrained'));
    expect(inspection.verification).toBe('verified');
    const scope = inspection.scope!;
    expect(scope.tokenType).toBe('fine-grained personal access token');
    expect(scope.reach['repositories']).toEqual(['acme/api', 'acme/web', 'erin/tools']);
    expect(scope.reach['organizations']).toEqual(['acme']);
    expect(scope.permissions).toEqual([
      'org acme: member',
      'repo acme/api: push',
      'repo acme/web: pull',
      'repo erin/tools: admin',
    ]);
    expect(scope.capabilities).toEqual([
      { action: 'write', resource: 'repo:acme/api' },
      { action: 'write', resource: 'repo:erin/tools' },
    ]);
    // 12:00 at -0700 is 19:00 UTC.
    expect(scope.expiresAt).toBe('2030-06-01T19:00:00.000Z');
    expect(scope.unknowns.map((u) => u.what)).toEqual([
      "the token's own repository permissions",
      "the token's organization permissions",
    ]);
    expect(scope.unknowns[0]!.reason).toMatch(/never|only GET and HEAD/);
  });

  test('an installation token is asked GET /installation/repositories, never GET /user', async () => {
    const { inspection } = await inspectAgainst(double, cred('installation'));
    expect(inspection.verification).toBe('verified');
    const scope = inspection.scope!;
    expect(scope.identity).toBe('installation on acme');
    expect(scope.tokenType).toBe('GitHub App installation token');
    expect(scope.reach['repositories']).toEqual(['acme/deploy', 'acme/site']);
    expect(scope.expiresAt).toBe('2030-01-01T01:00:00.000Z');
    expect(scope.unknowns.map((u) => u.what)).toContain("the installation's permission set");
    expect(callsOf('installation')).toEqual(['GET /installation/repositories']);
  });

  test("an app user token: the installation's permissions decide what it may write", async () => {
    const { inspection } = await inspectAgainst(double, cred('appUser'));
    const scope = inspection.scope!;
    expect(scope.identity).toBe('carol');
    expect(scope.permissions).toEqual(
      expect.arrayContaining(['installation acme: contents:write', 'installation acme: workflows:write']),
    );
    expect(scope.capabilities.map((c) => `${c.action} ${c.resource}`).sort()).toEqual([
      'write repo:acme/app',
      'write repo:acme/infra',
      'write workflows:acme/app',
      'write workflows:acme/infra',
    ]);
  });

  test('a refresh token is never sent anywhere', async () => {
    const { inspection, http } = await inspectAgainst(double, cred('refresh'));
    expect(inspection.verification).toBe('unverified');
    expect(inspection.reason).toMatch(/refresh token/);
    expect(http.sent).toEqual([]);
  });
});

describe('listings are capped', () => {
  test('pages beyond the cap are not read, and the cut is an unknown', async () => {
    const { inspection } = await inspectAgainst(double, cred('classicBroad'), { pageSize: 5, maxPages: 2 });
    expect(inspection.scope!.reach['repositories']).toHaveLength(10);
    expect(inspection.scope!.unknowns.map((u) => u.what)).toContain('repositories beyond the first listed');
    expect(inspection.scope!.facts?.['truncated']).toBe(true);
  });
});

describe('when GitHub says no, or cannot answer', () => {
  test('401: invalid', async () => {
    const { inspection } = await inspectAgainst(double, cred('revoked'));
    expect(inspection).toEqual({ verification: 'invalid', reason: expect.stringContaining('401'), scope: null });
  });

  test('403 rate limit with a far reset: unverified at once, the reset time in the reason', async () => {
    const { inspection } = await inspectAgainst(double, cred('rateLimitedLong'));
    expect(inspection.verification).toBe('unverified');
    expect(inspection.reason).toMatch(/rate limited .* until \d{4}-\d{2}-\d{2}T/);
    expect(callsOf('rateLimitedLong')).toEqual(['GET /user']);
  });

  test('403 rate limit resetting now: one bounded wait, then the answer', async () => {
    const { inspection } = await inspectAgainst(double, cred('rateLimitedOnce'));
    expect(inspection.verification).toBe('verified');
    expect(inspection.scope!.identity).toBe('frank');
    expect(callsOf('rateLimitedOnce').filter((c) => c === 'GET /user')).toHaveLength(2);
  });

  test('secondary rate limit asking for 60 s: not waited for', async () => {
    const { inspection } = await inspectAgainst(double, cred('secondaryLimit'));
    expect(inspection.verification).toBe('unverified');
    expect(inspection.reason).toMatch(/rate limited.*Retry-After 60s/);
    expect(callsOf('secondaryLimit')).toEqual(['GET /user']);
  });

  test('429: retried a bounded number of times, then unverified', async () => {
    const { inspection } = await inspectAgainst(double, cred('tooManyRequests'), { retries: 2 });
    expect(inspection.verification).toBe('unverified');
    expect(inspection.reason).toMatch(/HTTP 429/);
    expect(callsOf('tooManyRequests')).toEqual(['GET /user', 'GET /user', 'GET /user']);
  });

  test('500 every time: retried twice, then error with a reason', async () => {
    const { inspection } = await inspectAgainst(double, cred('serverDown'), { retries: 2 });
    expect(inspection).toEqual({
      verification: 'error',
      reason: 'GitHub server error on GET /user (HTTP 500)',
      scope: null,
    });
    expect(callsOf('serverDown')).toEqual(['GET /user', 'GET /user', 'GET /user']);
  });

  test('500 once: the retry gets the answer', async () => {
    const { inspection } = await inspectAgainst(double, cred('serverHiccup'));
    expect(inspection.verification).toBe('verified');
    expect(inspection.scope!.identity).toBe('gina');
  });

  test('a request that hangs ends when the time budget runs out', async () => {
    const { inspection } = await inspectAgainst(double, cred('hangs'));
    expect(inspection).toEqual({
      verification: 'error',
      reason: 'the time budget for this credential ran out',
      scope: null,
    });
  });

  test('a request that hangs ends at the per-request timeout, and is not retried', async () => {
    const before = callsOf('hangs').length;
    const { inspection } = await inspectAgainst(double, cred('hangs'), {}, { abortOnHang: false, timeoutMs: 200 });
    expect(inspection.reason).toBe('GitHub gave no answer within 200 ms');
    expect(callsOf('hangs').length - before).toBe(1);
  });

  test('a 200 that is not a user: error, not a crash', async () => {
    const { inspection } = await inspectAgainst(double, cred('nonsense'));
    expect(inspection).toEqual({
      verification: 'error',
      reason: 'GitHub answered GET /user with a body that is not a user',
      scope: null,
    });
  });
});
