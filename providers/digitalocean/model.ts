/**
 * What the DigitalOcean inspector learns, kept in Scope.facts.digitalocean for the risk rules and
 * the remediation (never reported raw).
 */
export type ResourceType = 'droplet' | 'volume' | 'database' | 'domain';

export interface DoResource {
  type: ResourceType;
  name: string;
  /** The project it is assigned to, when the token may list projects. */
  project?: string;
  /** The project's environment is Production, or the policy's production words name it. */
  production: boolean;
}

export interface DoProject {
  name: string;
  environment: string;
  production: boolean;
}

export interface DoFacts {
  kind: 'personal' | 'oauth';
  identity: string | null;
  team: string | null;
  projects: DoProject[];
  resources: DoResource[];
  /** Listings DigitalOcean refused with 403: the token has custom scopes without their read. */
  refused: string[];
  complete: boolean;
}

export function doFacts(facts: Record<string, unknown> | undefined): DoFacts | undefined {
  const f = facts?.digitalocean;
  if (typeof f !== 'object' || f === null || !Array.isArray((f as DoFacts).resources)) return undefined;
  return f as DoFacts;
}

const NOUN: Record<ResourceType, string> = {
  droplet: 'Droplet',
  volume: 'volume',
  database: 'database cluster',
  domain: 'domain',
};

export function describeResource(r: DoResource): string {
  return `${NOUN[r.type]} "${r.name}"${r.project ? ` of project "${r.project}"` : ''}`;
}

/** Full Access or Read Only (the two classic scopes) read everything: no listing was refused. */
export const isClassic = (f: DoFacts): boolean => f.refused.length === 0;

export const SCOPES_DOCS_URL = 'https://docs.digitalocean.com/reference/api/scopes/';
export const TOKEN_DOCS_URL = 'https://docs.digitalocean.com/reference/api/create-personal-access-token/';
