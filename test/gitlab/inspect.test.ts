import { beforeAll, describe, expect, it } from '@jest/globals';
import { gitlab } from '../../providers/gitlab/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { doubleContext, foundCredential } from '../helpers/found.js';
import { GitlabDouble } from './double.js';
import { gitlabToken, triggerToken } from './tokens.js';
import { EXPIRES_AT, testWorld } from './world.js';

describe('GitLab inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(gitlab, new GitlabDouble(world), tokens);

  describe("an administrator's token with the api scope", () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('admin');
    });

    it('is verified, with its user, scopes and role in every group and project', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('GitLab accepts it as a personal access token "ci read" with scopes api, read_user');
      expect(i.scope?.identity).toBe('user ops');
      expect(i.scope?.tokenType).toBe('personal access token');
      expect(i.scope?.expiresAt).toBeNull();
      expect(i.scope?.permissions.slice(0, 4)).toEqual([
        'scope: api',
        'scope: read_user',
        'instance administrator',
        'group acme: Owner',
      ]);
    });

    it('walks every page of the associations (eight projects in pages of two)', () => {
      expect(i.scope?.reach.projects).toEqual([
        'acme/storefront-production',
        'acme/storefront-staging',
        'acme/docs',
        'acme/tool-1',
        'acme/tool-2',
        'acme/tool-3',
        'acme/tool-4',
        'acme/tool-5',
      ]);
      expect(i.scope?.reach['production projects']).toEqual(['acme/storefront-production']);
      const pages = requestsOf('admin')
        .filter((r) => r.path.endsWith('/associations'))
        .map((r) => (r as unknown as { query: URLSearchParams }).query.get('page'));
      expect(pages).toEqual(['1', '2', '3', '4']);
    });

    it('administers the instance first, then deletes the production project', () => {
      const caps = i.scope!.capabilities;
      expect(caps[0]?.action).toBe('admin');
      expect(caps[1]).toEqual({
        action: 'delete',
        resource: 'project "acme/storefront-production" and its repository',
        environment: 'production',
        production: true,
      });
    });

    it('raises admin, destructive-production-access, can-delete-repos, broad-repo-write and no-expiry', async () => {
      const f = await finding('admin', { path: '.env', name: 'GITLAB_TOKEN' });
      expect(f.risks.map((r) => r.id)).toEqual(
        expect.arrayContaining([
          'admin',
          'destructive-production-access',
          'can-delete-repos',
          'broad-repo-write',
          'no-expiry',
        ]),
      );
      expect(f.risks.find((r) => r.id === 'can-delete-repos')?.message).toContain('group "acme" (Owner)');
      expect(f.remediation).toContain("Never use an administrator's token in automation.");
    });

    it('asked only the three listed reads', () => {
      const paths = new Set(requestsOf('admin').map((r) => `${r.method} ${r.path}`));
      expect([...paths].sort()).toEqual([
        'GET /api/v4/personal_access_tokens/self',
        'GET /api/v4/personal_access_tokens/self/associations',
        'GET /api/v4/user',
      ]);
    });
  });

  it("a Developer's token with write_repository pushes to three repositories, deletes none", async () => {
    const f = await finding('developer', { path: '.env', name: 'GITLAB_TOKEN' });
    const ids = f.risks.map((r) => r.id);
    expect(ids).toContain('broad-repo-write');
    expect(ids).not.toContain('can-delete-repos');
    expect(ids).not.toContain('admin');
    expect(ids).not.toContain('no-expiry');
    expect(f.inspection.scope?.expiresAt).toBe(`${EXPIRES_AT}T00:00:00.000Z`);
    expect(f.inspection.scope?.capabilities.filter((c) => c.action === 'write').map((c) => c.resource)).toEqual([
      'repository of "acme/storefront-production"',
      'repository of "acme/storefront-staging"',
      'repository of "partners/portal"',
    ]);
    expect(f.remediation).toContain('`read_repository` (add `write_repository` only if it must push, never `api`)');
  });

  it('a Maintainer with the api scope can delete that project', async () => {
    const f = await finding('maintainer', { path: '.env', name: 'GITLAB_TOKEN' });
    expect(f.risks.find((r) => r.id === 'can-delete-repos')?.message).toBe(
      'with the api scope it can delete: "partners/portal" (Maintainer)',
    );
  });

  it("a project bot's read_repository token reaches one project, with no risk of its own", async () => {
    const f = await finding('docsBot', { path: 'ci/.env', name: 'DOCS_CLONE_TOKEN' });
    expect(f.inspection.verification).toBe('verified');
    // Its scopes do not read its (bot) user, so which kind of access token it is stays open.
    expect(f.inspection.scope?.tokenType).toBe('personal, project or group access token');
    expect(f.inspection.scope?.reach.projects).toEqual(['acme/docs']);
    expect(f.inspection.scope?.capabilities).toEqual([{ action: 'read', resource: 'project "acme/docs"' }]);
    // Its scopes do not read the user: said, not guessed.
    expect(f.inspection.scope?.unknowns.map((u) => u.what)).toContain('identity and administrator status');
    expect(f.risks.map((r) => r.id).filter((id) => id !== 'committed-live-credential')).toEqual([]);
  });

  it('on an instance older than 17.4 says reach is not listed', async () => {
    const i = await inspect('oldInstance');
    expect(i.verification).toBe('verified');
    expect(i.scope?.unknowns.find((u) => u.what === 'groups and projects reached')?.reason).toContain('HTTP 404');
  });

  it('never sends a trigger token (testing it would run a pipeline) and says why', async () => {
    const token = triggerToken();
    const c = foundCredential('gitlab', 'gitlab-trigger-token', 'pipeline trigger token', token);
    const before = double.requests.length;
    const i = await gitlab.inspect!(c, doubleContext(gitlab, 'http://127.0.0.1:9'));
    expect(i).toEqual({
      verification: 'unverified',
      reason: expect.stringContaining('triggering a pipeline'),
      scope: null,
    });
    expect(double.requests.length).toBe(before);
    expect(assess(c, i, gitlab, DEFAULT_POLICY).inspection.verification).toBe('unverified');
  });

  it.each([
    ['gitlab-runner-token', 'glrt-'],
    ['gitlab-deploy-token', 'gldt-'],
    ['gitlab-job-token', 'glcbt-'],
    ['gitlab-oauth-secret', 'gloas-'],
  ])('never sends a %s', async (rule, prefix) => {
    const c = foundCredential('gitlab', rule, 'token', gitlabToken(prefix));
    const i = await gitlab.inspect!(c, doubleContext(gitlab, 'http://127.0.0.1:9'));
    expect(i.verification).toBe('unverified');
    expect(i.reason.length).toBeGreaterThan(20);
  });
});
