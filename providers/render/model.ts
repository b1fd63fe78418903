/**
 * What the Render inspector learns, kept in Scope.facts.render for the risk rules and the
 * remediation (never reported raw: the report prints capabilities, reach and risks instead).
 */
export const API_KEYS_DOCS_URL = 'https://render.com/docs/api-keys';
export const DEPLOY_HOOKS_URL = 'https://render.com/docs/deploy-hooks';

/**
 * A workspace role's rights. Render keys act with their user's role; a protected environment
 * lets only Admins take destructive actions on what it holds (render.com/docs/projects).
 */
export type Rights = 'admin' | 'developer' | 'read';

export function rightsOf(role: string): Rights {
  const r = role.toLowerCase();
  if (r === 'admin' || r === 'owner') return 'admin';
  if (r === 'developer' || r === 'member') return 'developer';
  return 'read';
}

export interface WorkspaceFact {
  id: string;
  name: string;
  /** `user`: the user's own account; `team`: a workspace. */
  type: string;
  role: string;
  rights: Rights;
}

export interface EnvironmentFact {
  id: string;
  name: string;
  project: string;
  protected: boolean;
  production: boolean;
}

export type ResourceKind = 'service' | 'postgres' | 'key-value' | 'disk';

export interface ResourceFact {
  kind: ResourceKind;
  name: string;
  workspace: string;
  /** The environment it belongs to, when it belongs to one. */
  environment?: string;
  production: boolean;
  /** Only Admins may destroy it (it sits in a protected environment). */
  protected: boolean;
  /** Disks: the service they are attached to, and their size. */
  detail?: string;
}

export interface RenderFacts {
  email?: string;
  workspaces: WorkspaceFact[];
  environments: EnvironmentFact[];
  resources: ResourceFact[];
  complete: boolean;
}

export function renderFacts(facts: Record<string, unknown> | undefined): RenderFacts | undefined {
  return facts?.render as RenderFacts | undefined;
}

/** Whether the token's user may destroy this resource. */
export function canDestroy(f: RenderFacts, r: ResourceFact): boolean {
  const rights = f.workspaces.find((w) => w.name === r.workspace)?.rights ?? 'read';
  return rights === 'admin' || (rights === 'developer' && !r.protected);
}

export const KIND_WORDS: Record<ResourceKind, string> = {
  service: 'service',
  postgres: 'Postgres database',
  'key-value': 'Key Value store',
  disk: 'disk',
};
