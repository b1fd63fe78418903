/**
 * What the GitLab inspector learns, kept in Scope.facts.gitlab for the risk rules and the
 * remediation (the report prints capabilities, reach and risks, never these raw).
 */
export const TOKEN_DOCS_URL = 'https://docs.gitlab.com/user/profile/personal_access_tokens/';
export const PROJECT_TOKEN_DOCS_URL = 'https://docs.gitlab.com/user/project/settings/project_access_tokens/';

/** GitLab's roles by access level (docs.gitlab.com/api/members/#roles). */
export const ROLES: Record<number, string> = {
  5: 'Minimal access',
  10: 'Guest',
  15: 'Planner',
  20: 'Reporter',
  30: 'Developer',
  40: 'Maintainer',
  50: 'Owner',
};
export const roleName = (level: number) => ROLES[level] ?? `access level ${level}`;

export const MAINTAINER = 40;
export const OWNER = 50;
export const DEVELOPER = 30;

export type TokenKind =
  | 'personal access token'
  | 'project access token'
  | 'group access token'
  /** Its user could not be read, and the user says which. */
  | 'personal, project or group access token';

export interface Membership {
  /** A group's name, or a project's path with its namespace. */
  name: string;
  level: number;
  /** The policy calls its name production. */
  production: boolean;
}

export interface GitlabFacts {
  kind: TokenKind;
  scopes: string[];
  /** The token's user is an instance administrator (`is_admin`). */
  instanceAdmin: boolean;
  groups: Membership[];
  projects: Membership[];
  expiry: 'none' | 'set';
  /** The associations listing was read to its end (false: absent on this instance, or cut at the limit). */
  complete: boolean;
  host: string;
}

export function gitlabFacts(facts: Record<string, unknown> | undefined): GitlabFacts | undefined {
  return facts?.gitlab as GitlabFacts | undefined;
}

const has = (f: GitlabFacts, ...scopes: string[]) => scopes.some((s) => f.scopes.includes(s));
/** The full API: delete projects and groups, settings, CI variables. */
export const fullApi = (f: GitlabFacts) => has(f, 'api', 'sudo');
/** Push to repositories (through git or the API). */
export const pushes = (f: GitlabFacts) => has(f, 'api', 'sudo', 'write_repository');
/** Acts as the administrator it belongs to: only with a scope that reaches the API as that user. */
export const administers = (f: GitlabFacts) => f.instanceAdmin && has(f, 'api', 'sudo', 'admin_mode');

/**
 * Maintainers and Owners can remove a project (GitLab's permissions table; the fact sheet's §1.2:
 * "Maintainer+ = destructive on a project"); only Owners remove a group. Either needs `api`.
 */
export const deletableProjects = (f: GitlabFacts) =>
  fullApi(f) ? f.projects.filter((p) => p.level >= MAINTAINER) : [];
export const deletableGroups = (f: GitlabFacts) => (fullApi(f) ? f.groups.filter((g) => g.level >= OWNER) : []);
export const writableProjects = (f: GitlabFacts) => (pushes(f) ? f.projects.filter((p) => p.level >= DEVELOPER) : []);
