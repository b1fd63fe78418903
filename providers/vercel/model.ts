/**
 * What the Vercel inspector learns, kept in Scope.facts.vercel for the risk rules and the
 * remediation (never reported raw: the report prints capabilities, reach and risks instead).
 */
export const TOKEN_DOCS_URL = 'https://vercel.com/docs/accounts/access-tokens';
export const PROJECT_TOKEN_DOCS_URL = 'https://vercel.com/changelog/project-scoped-tokens';

/** The prefixes Vercel gives its token kinds (vercel.com/changelog/new-token-formats-and-secret-scanning). */
export const TOKEN_KINDS = {
  vcp: 'personal access token',
  vci: 'integration token',
  vca: 'app access token',
  vcr: 'app refresh token',
  vck: 'API key',
} as const;
export type TokenPrefix = keyof typeof TOKEN_KINDS;

export function prefixOf(secret: string): TokenPrefix | undefined {
  const p = secret.slice(0, 3);
  return secret[3] === '_' && p in TOKEN_KINDS ? (p as TokenPrefix) : undefined;
}

/**
 * A team role's rights, as the token carries its user's role. Vercel documents the roles, not a
 * per-token grant: what a role may delete is our reading of the roles page, an upper bound.
 */
export type Rights = 'admin' | 'delete' | 'write' | 'read';

export function rightsOf(role: string): Rights {
  switch (role.toUpperCase()) {
    case 'OWNER':
      return 'admin';
    case 'MEMBER':
      return 'delete';
    case 'DEVELOPER':
    case 'CONTRIBUTOR':
      return 'write';
    default:
      return 'read';
  }
}

export interface OwnerFact {
  /** Team slug, or the user's username for the personal account. */
  name: string;
  teamId?: string;
  role: string;
  rights: Rights;
}

export interface ProjectFact {
  name: string;
  owner: string;
  rights: Rights;
  /** Vercel has a production deployment for it (its `targets.production`), or the policy calls its name production. */
  production: boolean;
  /** Domains aliased to its production deployment. */
  productionDomains: string[];
}

export interface DomainFact {
  name: string;
  owner: string;
  rights: Rights;
  /** Its DNS is served by Vercel (nameservers at Vercel): the token's user can edit its records. */
  vercelDns: boolean;
  /** It, or a subdomain of it, serves a production deployment. */
  production: boolean;
}

export interface VercelFacts {
  /** From the token's own metadata: every scope of type `user` means the whole account. */
  breadth: 'account' | 'teams';
  prefix?: TokenPrefix;
  owners: OwnerFact[];
  projects: ProjectFact[];
  domains: DomainFact[];
  expiry: 'none' | 'set';
  complete: boolean;
}

export function vercelFacts(facts: Record<string, unknown> | undefined): VercelFacts | undefined {
  return facts?.vercel as VercelFacts | undefined;
}

export const canDelete = (r: Rights) => r === 'admin' || r === 'delete';
export const canWrite = (r: Rights) => r !== 'read';
