import type { Capability } from '../../src/core/types.js';
import type { GithubTokenKind } from './kinds.js';
import type { InstallationSeen, OrgMembershipSeen, RepoSeen } from './listings.js';

/** Everything the read-only calls learned, before it is put into words. */
export interface Evidence {
  kind: GithubTokenKind;
  /** Expanded OAuth scopes (classic and OAuth tokens); null when GitHub sent no scope header. */
  scopes: string[] | null;
  repos: RepoSeen[];
  memberships: OrgMembershipSeen[];
  installations: InstallationSeen[];
  /** The user is a site administrator (GitHub Enterprise Server); read by the risks, not here. */
  siteAdmin: boolean;
}

/** Scopes that give power over something other than repositories and orgs, in normalized words. */
const SCOPE_CAPABILITIES: Record<string, Capability[]> = {
  'write:packages': [{ action: 'write', resource: 'packages' }],
  'delete:packages': [{ action: 'delete', resource: 'packages' }],
  site_admin: [{ action: 'admin', resource: 'site' }],
  'admin:enterprise': [{ action: 'admin', resource: 'enterprise' }],
  'admin:repo_hook': [{ action: 'admin', resource: 'repository webhooks' }],
  'admin:org_hook': [{ action: 'admin', resource: 'organization webhooks' }],
  'admin:public_key': [{ action: 'admin', resource: 'ssh keys' }],
  'admin:gpg_key': [{ action: 'admin', resource: 'gpg keys' }],
  'codespace:secrets': [{ action: 'write', resource: 'codespace secrets' }],
  user: [{ action: 'write', resource: 'user profile' }],
  gist: [{ action: 'write', resource: 'gists' }],
};

const canPush = (r: RepoSeen) => r.permissions?.push === true || r.permissions?.admin === true;
const isAdmin = (r: RepoSeen) => r.permissions?.admin === true;
const repoCap = (action: Capability['action'], r: RepoSeen): Capability => ({ action, resource: `repo:${r.fullName}` });
const workflowCap = (r: RepoSeen): Capability => ({ action: 'write', resource: `workflows:${r.fullName}` });
const activeAdminOrgs = (e: Evidence) => e.memberships.filter((m) => m.role === 'admin' && m.state === 'active');

/** Classic PATs and OAuth tokens: what the scopes allow, on what the user can reach. */
function fromScopes(e: Evidence, scopes: Set<string>): Capability[] {
  const out: Capability[] = [];
  // `repo` writes to every repository the user can push to; `public_repo` to the public ones only.
  const writable = scopes.has('repo')
    ? e.repos.filter(canPush)
    : scopes.has('public_repo')
      ? e.repos.filter((r) => canPush(r) && !r.private)
      : [];
  out.push(...writable.map((r) => repoCap('write', r)));
  if (scopes.has('delete_repo')) out.push(...e.repos.filter(isAdmin).map((r) => repoCap('delete', r)));
  if (scopes.has('workflow')) out.push(...writable.map(workflowCap));
  if (scopes.has('admin:org'))
    out.push(...activeAdminOrgs(e).map((m) => ({ action: 'admin' as const, resource: `org:${m.org}` })));
  else if (scopes.has('write:org')) {
    out.push(...activeAdminOrgs(e).map((m) => ({ action: 'write' as const, resource: `org:${m.org}` })));
  }
  for (const s of scopes) out.push(...(SCOPE_CAPABILITIES[s] ?? []));
  return out;
}

/** App user tokens: the app's installation permissions, on what both the app and the user reach. */
function fromInstallations(e: Evidence): Capability[] {
  const out: Capability[] = [];
  const granted = (name: string, level: 'write' | 'admin' = 'write') =>
    e.installations.some((i) => i.permissions[name] === level || i.permissions[name] === 'admin');
  const writable = granted('contents') ? e.repos.filter(canPush) : [];
  out.push(...writable.map((r) => repoCap('write', r)));
  if (granted('workflows')) out.push(...writable.map(workflowCap));
  if (granted('administration')) out.push(...e.repos.filter(isAdmin).map((r) => repoCap('delete', r)));
  if (granted('packages')) out.push({ action: 'write', resource: 'packages' });
  for (const i of e.installations) {
    if (i.permissions['organization_administration'] === 'write')
      out.push({ action: 'admin', resource: `org:${i.account}` });
  }
  return out;
}

/**
 * The normalized capabilities: admin on org X, delete repositories, write code on N repos, change
 * workflows, write packages, and the rest of the broad scopes. Fine-grained tokens report the
 * user's role as an upper bound (the token's own permissions cannot be read without a write).
 */
export function capabilitiesOf(e: Evidence): Capability[] {
  let caps: Capability[];
  if (e.scopes) caps = fromScopes(e, new Set(e.scopes));
  else if (e.kind === 'app-user') caps = fromInstallations(e);
  else caps = e.repos.filter(canPush).map((r) => repoCap('write', r));
  const seen = new Set<string>();
  return caps.filter((c) => {
    const key = `${c.action} ${c.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many repositories the capabilities let it push code to. */
export function writableRepoCount(caps: Capability[]): number {
  return caps.filter((c) => c.action === 'write' && c.resource.startsWith('repo:')).length;
}
