/**
 * What the Railway inspector learns, kept in Scope.facts.railway for the risk rules and the
 * remediation (never reported raw: the report prints capabilities, reach and risks instead).
 */
export type TokenKind = 'account' | 'workspace' | 'project';

export interface EnvironmentFact {
  id: string;
  name: string;
  /** True when the policy calls the name production, or Railway calls it the base/primary one. */
  production: boolean;
}

export interface VolumeFact {
  id: string;
  name: string;
  environment: string;
  environmentId: string;
  mountPath: string;
  sizeMB: number;
  currentSizeMB: number;
  service?: string;
  production: boolean;
}

export interface ProjectFact {
  id: string;
  name: string;
  workspace?: string;
  environments: EnvironmentFact[];
  services: string[];
  buckets: string[];
  volumes: VolumeFact[];
}

export interface RailwayFacts {
  kind: TokenKind;
  workspaces: string[];
  projects: ProjectFact[];
  /** Project tokens only: the one environment they act in. */
  tokenEnvironment?: { project: string; environment: string; production: boolean };
  /** From `apiTokens`: 'none' when Railway shows no expiry. */
  expiry: 'none' | 'set' | 'unknown';
  /** False when the reach could not be fully mapped (cap, two-factor, refusal, time budget). */
  complete: boolean;
}

export function railwayFacts(facts: Record<string, unknown> | undefined): RailwayFacts | undefined {
  const f = facts?.railway;
  if (typeof f !== 'object' || f === null) return undefined;
  const kind = (f as { kind?: unknown }).kind;
  return kind === 'account' || kind === 'workspace' || kind === 'project' ? (f as RailwayFacts) : undefined;
}

/** `the volume "postgres-data" in environment "production" of project "pocketos"` */
export function describeVolume(v: VolumeFact, project: string): string {
  return `the volume "${v.name}" in environment "${v.environment}" of project "${project}"`;
}

export function describeEnvironment(environment: string, project: string): string {
  return `environment "${environment}" of project "${project}"`;
}

export const TOKEN_NAMES: Record<TokenKind, string> = {
  account: 'account token',
  workspace: 'workspace token',
  project: 'project token',
};

export const A_TOKEN: Record<TokenKind, string> = {
  account: 'an account token',
  workspace: 'a workspace token',
  project: 'a project token',
};

/** Railway's guide to its tokens: where a user makes a narrower one. */
export const TOKEN_DOCS_URL = 'https://docs.railway.com/guides/public-api#creating-a-token';
