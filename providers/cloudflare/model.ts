/**
 * What the Cloudflare inspector learns, kept in Scope.facts.cloudflare for the risk rules and the
 * remediation (never reported raw).
 */
export type TokenKind = 'user' | 'account';

export interface CfZone {
  id: string;
  name: string;
  account: string;
  accountId: string;
  /** Cloudflare serves it (status active): its DNS is the live domain's. */
  production: boolean;
  /** What the token's policies allow on it; undefined when the policies could not be read. */
  can?: { dnsWrite: boolean; zoneWrite: boolean };
}

export interface CfAccountResource {
  type: 'worker' | 'r2' | 'd1';
  name: string;
  account: string;
  production: boolean;
  /** The token's policies allow writing (and so deleting) it; undefined when unknown. */
  write?: boolean;
}

export interface CfFacts {
  kind: TokenKind;
  tokenId: string;
  status: string;
  expiresAt: string | null;
  identity: string | null;
  accounts: { id: string; name: string }[];
  zones: CfZone[];
  resources: CfAccountResource[];
  /** The token's policies were read (it holds API Tokens Read). */
  policiesRead: boolean;
  /** Every zone of an account or of every account, not chosen ones. */
  allZones: boolean;
  /** It may create tokens (API Tokens Write): any permission its user has, on demand. */
  mintsTokens: boolean;
  complete: boolean;
}

export function cfFacts(facts: Record<string, unknown> | undefined): CfFacts | undefined {
  const f = facts?.cloudflare;
  if (typeof f !== 'object' || f === null || !Array.isArray((f as CfFacts).zones)) return undefined;
  return f as CfFacts;
}

const NOUN = { worker: 'Worker', r2: 'R2 bucket', d1: 'D1 database' } as const;

export function describeZone(z: CfZone): string {
  return `zone "${z.name}" of account "${z.account}"`;
}

export function describeResource(r: CfAccountResource): string {
  return `${NOUN[r.type]} "${r.name}" of account "${r.account}"`;
}

export const TOKENS_DOCS_URL = 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/';
