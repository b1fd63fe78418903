import { appendFileSync } from 'node:fs';

/**
 * The recording proxy's ledger: every request any provider test double receives, in any test file,
 * is appended here; test/global-teardown.mjs reads it after the whole suite and fails the run if
 * one of them could change anything at a provider.
 */
export interface ProviderRequest {
  /** A provider id from providers/registry.ts. */
  provider: string;
  method: string;
  /** Railway: the GraphQL document; GitHub: the path; AWS: the query-protocol Action; others: a summary. */
  what: string;
  /**
   * Every other HTTP provider: the path below the double's root, query string included, and the
   * raw body; the teardown checks them against the provider's listed operations.
   */
  path?: string;
  body?: string;
}

export function logProviderRequest(r: ProviderRequest): void {
  const file = process.env.TOKENSCOPE_PROVIDER_LOG;
  if (file) appendFileSync(file, `${JSON.stringify(r)}\n`);
}

/**
 * A test of a double itself (does it answer like the provider?) sends this header, and the double
 * leaves its request out of the ledger: the ledger holds what tokenscope sent.
 */
export const SELF_TEST_HEADER = 'x-tokenscope-double-self-test';
