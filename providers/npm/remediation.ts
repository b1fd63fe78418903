import type { AssessInput } from '../../src/core/provider.js';
import { GRANULAR_DOCS_URL, npmFacts, TRUSTED_PUBLISHING_URL } from './model.js';

/** Names the narrowest npm credential that fits: a granular token for one package, or none at all. */
export function remediateNpm(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = npmFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  if (f.publishable.length === 0) {
    return `Keep installs on a granular access token that is read-only, limited to the packages needed, with an expiry and allowed IP ranges (${GRANULAR_DOCS_URL}).`;
  }
  const one = f.publishable.length === 1 ? ` ("${f.publishable[0]!.name}")` : '';
  return `Revoke this token. To install, use a read-only granular access token; to publish, a granular access token limited to the one package it releases${one}, with an expiry, allowed IP ranges and 2FA not bypassed (${GRANULAR_DOCS_URL}); from CI, trusted publishing (OIDC) needs no stored token at all (${TRUSTED_PUBLISHING_URL}).`;
}
