/**
 * What the npm inspector learns, kept in Scope.facts.npm for the risk rules and the remediation.
 */
export const TOKEN_DOCS_URL = 'https://docs.npmjs.com/about-access-tokens';
export const GRANULAR_DOCS_URL = 'https://docs.npmjs.com/creating-and-viewing-access-tokens';
export const TRUSTED_PUBLISHING_URL = 'https://docs.npmjs.com/trusted-publishers';
export const PUBLIC_REGISTRY_HOST = 'registry.npmjs.org';

export interface PackageFact {
  name: string;
  /** The user's access, from the registry's package listing. */
  access: 'read-write' | 'read-only';
  /** Weekly downloads as the registry's search states them; absent when it does not. */
  weekly?: number;
}

export interface NpmFacts {
  user: string;
  /** From the token list entry whose key is this token's sha512; undefined: not learned. */
  readonly?: boolean;
  /** The token list holds this token (classic, automation or granular listed with a key). */
  listed: boolean;
  /** A granular token's package patterns with write, when its list entry says them. */
  writePatterns?: string[];
  cidr: string[];
  /** The account's two-factor mode: `auth-and-writes` asks an OTP to publish (unless bypassed). */
  tfa?: 'off' | 'auth-only' | 'auth-and-writes';
  /** Packages the token can publish, most-downloaded first. */
  publishable: PackageFact[];
  /** Packages it can only read. */
  readable: PackageFact[];
}

export function npmFacts(facts: Record<string, unknown> | undefined): NpmFacts | undefined {
  return facts?.npm as NpmFacts | undefined;
}

/** "name" (1,234 weekly downloads), or just "name" when the registry says no figure. */
export function describePackage(p: PackageFact): string {
  return p.weekly === undefined ? `"${p.name}"` : `"${p.name}" (${p.weekly.toLocaleString('en-US')} weekly downloads)`;
}

/** Does a granular token's package pattern (`*`, `@scope/*`, a name) cover this package? */
export function patternCovers(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}
