/**
 * What the Neon inspector learns, kept in Scope.facts.neon for the risk rules and the remediation.
 */
export const API_KEYS_DOCS_URL = 'https://neon.com/docs/manage/api-keys';

/** From `GET /auth`'s auth_method: a personal key reaches every organization of its user. */
export type KeyKind = 'personal' | 'organization';

export interface BranchFact {
  id: string;
  name: string;
  isDefault: boolean;
  /** Named production by the policy, protected (Neon's own marker for production), or the default branch of a production project. */
  production: boolean;
  databases: string[];
}

export interface ProjectFact {
  id: string;
  name: string;
  /** The organization's name, or its id when it has none. */
  org: string;
  production: boolean;
  branches: BranchFact[];
}

export interface NeonFacts {
  kind: KeyKind;
  orgs: string[];
  projects: ProjectFact[];
  complete: boolean;
}

export function neonFacts(facts: Record<string, unknown> | undefined): NeonFacts | undefined {
  return facts?.neon as NeonFacts | undefined;
}
