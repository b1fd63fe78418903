/**
 * What the Netlify inspector learns, kept in Scope.facts.netlify for the risk rules and the
 * remediation (never reported raw: the report prints capabilities, reach and risks instead).
 */
export const TOKEN_DOCS_URL = 'https://docs.netlify.com/api/get-started/#authentication';
export const BUILD_HOOKS_URL = 'https://docs.netlify.com/configure-builds/build-hooks/';

/** The prefixes of Netlify's token kinds (answers.netlify.com, "change to the authentication token format"). */
export const TOKEN_KINDS = {
  nfp: 'personal access token',
  nfo: 'OAuth access token',
  nfc: 'CLI token',
  nfu: 'app token',
  nfb: 'build token',
} as const;
export type TokenPrefix = keyof typeof TOKEN_KINDS;

export function prefixOf(secret: string): TokenPrefix | undefined {
  const p = secret.slice(0, 3);
  return secret[3] === '_' && p in TOKEN_KINDS ? (p as TokenPrefix) : undefined;
}

/** A team role's rights: Owners administer; Developers and Collaborators deploy; the rest read. */
export type Rights = 'admin' | 'write' | 'read';

export function rightsOf(role: string): Rights {
  const r = role.toLowerCase();
  if (r === 'owner') return 'admin';
  if (r === 'developer' || r === 'collaborator') return 'write';
  return 'read';
}

export interface TeamFact {
  slug: string;
  name: string;
  role: string;
  rights: Rights;
}

export interface ZoneFact {
  domain: string;
  team?: string;
  rights: Rights;
  /** The zone serves a site (Netlify links it to one): the site's production domain. */
  servesSite: boolean;
}

export interface NetlifyFacts {
  prefix?: TokenPrefix;
  email?: string;
  /** The user's site count, from GET /user: sites themselves are not listed (see inspect.ts). */
  siteCount?: number;
  teams: TeamFact[];
  zones: ZoneFact[];
  complete: boolean;
}

export function netlifyFacts(facts: Record<string, unknown> | undefined): NetlifyFacts | undefined {
  return facts?.netlify as NetlifyFacts | undefined;
}
