import { isProductionName } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { API, gitlabGet, read, walkAssociations } from './api.js';
import type { GitlabFacts, Membership, TokenKind } from './model.js';
import { INSPECTABLE_RULE } from './rules.js';
import { buildScope } from './scope.js';

/**
 * Why each token kind without a read-only introspection is never sent (the fact sheet's §1.2):
 * its only uses run pipelines, register runners, or are git/registry protocols.
 */
const NEVER_SENT: Record<string, string> = {
  'gitlab-trigger-token':
    "a pipeline trigger token can only be tested by triggering a pipeline (a write); tokenscope never does. It runs pipelines of one project, with that project's CI/CD variables",
  'gitlab-runner-token':
    'a runner token is checked only by POST /runners/verify, which may record the runner as seen; tokenscope never sends it. Whoever holds it can run a runner that receives jobs and their secrets',
  'gitlab-runner-registration-token':
    'a runner registration token only registers runners (a write); tokenscope never sends it',
  'gitlab-deploy-token':
    'a deploy token cannot be used with the GitLab API (only git and registries, with a username tokenscope does not know)',
  'gitlab-job-token': 'a CI/CD job token lives only while its job runs; tokenscope does not send it',
  'gitlab-oauth-secret':
    'an OAuth application secret is used only at the token endpoint (a POST that mints tokens); tokenscope never sends it',
  'gitlab-feed-token': "a feed token opens only a user's RSS and calendar feeds, which have no read-only introspection",
  'gitlab-incoming-mail-token':
    'an incoming mail token is used only by sending email (opening issues); tokenscope never does',
  'gitlab-agent-token':
    "an agent for Kubernetes token is used only by the agent's own protocol; tokenscope never sends it",
  'gitlab-scim-token': 'a SCIM token is used only by SCIM provisioning endpoints; tokenscope never sends it',
  'gitlab-feature-flags-token':
    'a feature flags client token only reads flag lists through the Unleash protocol; tokenscope does not send it',
};

/** Asks GitLab, read-only, what the token is, whose it is, and what it reaches. */
export async function inspectGitlab(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  if (credential.ruleId !== INSPECTABLE_RULE && !credential.secret.reveal().startsWith('glpat-')) {
    return {
      verification: 'unverified',
      reason: NEVER_SENT[credential.ruleId] ?? 'this GitLab token kind has no read-only introspection',
      scope: null,
    };
  }
  const inspection = await inspectUnscrubbed(credential, ctx);
  // GitLab's own words travel into reasons: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const self = await gitlabGet(ctx, credential, '/personal_access_tokens/self');
  if (!self.ok) {
    if (self.status === 404)
      throw new ProviderUnavailableError(
        `GitLab answered ${self.message} to ${API}/personal_access_tokens/self (older than 15.5, or not GitLab)`,
      );
    return {
      verification: 'invalid',
      reason: `GitLab rejects it (${self.message}): expired, revoked or never issued`,
      scope: null,
    };
  }
  const t = read.obj(self.body, 'body');
  const name = read.str(t.name, 'name');
  const scopes = read.arr(t.scopes, 'scopes').map((s, i) => read.str(s, `scopes[${i}]`));
  const expiresAt = read.optStr(t.expires_at, 'expires_at');
  if (expiresAt !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(expiresAt))
    throw new ProviderUnavailableError('unexpected answer from GitLab: expires_at is not a date');
  if (read.optBool(t.revoked, 'revoked') === true || read.optBool(t.active, 'active') === false) {
    return { verification: 'invalid', reason: 'GitLab shows this token inactive (revoked or expired)', scope: null };
  }
  const unknowns: Unknown[] = [];

  const user = await gitlabGet(ctx, credential, '/user');
  let identity: string | null = null;
  let kind: TokenKind = 'personal access token';
  let instanceAdmin = false;
  if (user.ok) {
    const u = read.obj(user.body, 'user');
    const username = read.str(u.username, 'user.username');
    identity = `user ${username}`;
    instanceAdmin = read.optBool(u.is_admin, 'user.is_admin') === true;
    // Project and group access tokens act as a bot user named after what it belongs to.
    if (read.optBool(u.bot, 'user.bot') === true) {
      kind = username.startsWith('group_') ? 'group access token' : 'project access token';
    }
  } else {
    kind = 'personal, project or group access token';
    // Only `read_user`/`api`-less scopes such as `read_repository` are refused here.
    unknowns.push({
      what: 'identity and administrator status',
      reason: `GitLab refused GET ${API}/user (${user.message}): the token's scopes do not include reading its user`,
    });
  }

  const limit = Math.max(1, ctx.policy.maxProjects);
  const listed = await walkAssociations(ctx, credential, limit);
  const groups: Membership[] = [];
  const projects: Membership[] = [];
  if ('refused' in listed) {
    unknowns.push({
      what: 'groups and projects reached',
      reason: `GitLab answered ${listed.refused} to ${API}/personal_access_tokens/self/associations (added in 17.4): reach and roles are not listed`,
    });
  } else {
    for (const [i, raw] of listed.groups.entries()) {
      const g = read.obj(raw, `groups[${i}]`);
      const gname = read.str(g.name, `groups[${i}].name`);
      const level = read.optNum(g.access_levels, `groups[${i}].access_levels`) ?? 0;
      groups.push({ name: gname, level, production: isProductionName(gname, ctx.policy) });
    }
    for (const [i, raw] of listed.projects.entries()) {
      const p = read.obj(raw, `projects[${i}]`);
      const path = read.str(p.path_with_namespace, `projects[${i}].path_with_namespace`);
      const levels = read.obj(p.access_levels, `projects[${i}].access_levels`);
      const level = Math.max(
        read.optNum(levels.project_access_level, `projects[${i}].access_levels.project_access_level`) ?? 0,
        read.optNum(levels.group_access_level, `projects[${i}].access_levels.group_access_level`) ?? 0,
      );
      projects.push({ name: path, level, production: isProductionName(path, ctx.policy) });
    }
    if (listed.truncated) {
      unknowns.push({
        what: 'reach beyond the first listed',
        reason: `listings stop at ${limit} items (policy maxProjects); counts are lower bounds`,
      });
    }
  }
  unknowns.push({
    what: 'instance settings that change what a role may do',
    reason:
      'whether Maintainers may delete projects, and protected branches, are settings tokenscope does not read: deletion is taken from the default role permissions',
  });

  const facts: GitlabFacts = {
    kind,
    scopes,
    instanceAdmin,
    groups,
    projects,
    expiry: expiresAt ? 'set' : 'none',
    complete: !('refused' in listed) && !listed.truncated,
    host: new URL(ctx.endpoint).host,
  };
  return {
    verification: 'verified',
    reason: `GitLab accepts it as a ${kind} "${name}" with scopes ${scopes.join(', ') || '(none)'}`,
    scope: buildScope(facts, identity, expiresAt, unknowns),
  };
}
