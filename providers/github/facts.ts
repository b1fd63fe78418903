import type { GithubTokenKind } from './kinds.js';

/** What the risk rules read back from `scope.facts`. */
export interface GithubFacts {
  kind: GithubTokenKind;
  /** Expanded OAuth scopes, or null when the token has none (fine-grained, app tokens). */
  scopes: string[] | null;
  siteAdmin: boolean;
  /** True when GitHub sent a token expiration header (absent: the token never expires). */
  expiryKnown: boolean;
  /** Fine-grained: capabilities are the user's role on what the token reaches, an upper bound. */
  upperBound: boolean;
  /** Repositories seen, for the remediation's suggestion. */
  repositories: string[];
  /** The repository listing was capped: counts are lower bounds. */
  truncated: boolean;
}
