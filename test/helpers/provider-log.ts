import { appendFileSync } from 'node:fs';

/**
 * The recording proxy's ledger: every request any provider test double receives, in any test file,
 * is appended here; test/global-teardown.mjs reads it after the whole suite and fails the run if
 * one of them could change anything at a provider.
 */
export interface ProviderRequest {
  provider: 'railway' | 'github' | 'aws';
  method: string;
  /** Railway: the GraphQL document; GitHub: the path; AWS: the query-protocol Action. */
  what: string;
}

export function logProviderRequest(r: ProviderRequest): void {
  const file = process.env.TOKENSCOPE_PROVIDER_LOG;
  if (file) appendFileSync(file, `${JSON.stringify(r)}\n`);
}
