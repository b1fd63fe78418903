import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Vault's token lookup-self describes the token that calls it
 * (https://developer.hashicorp.com/vault/api-docs/auth/token#lookup-a-token-self); the default
 * policy lets every token read it. Its answer also carries the token itself (`id`) and its
 * accessor: neither is read. A dead token gets 403 with `invalid token`, a live one its policies
 * deny 403 `permission denied` alone (https://developer.hashicorp.com/vault/docs/concepts/tokens).
 * The server is the customer's own: it comes only from the user's flag or environment (not
 * VAULT_ADDR, which a scanned agent environment may hold), so there is no default.
 * A token created with a use limit (num_uses) spends one use on this lookup, as on any request.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: '', flag: 'vault-api-url', env: ['TOKENSCOPE_VAULT_API_URL'] },
  operation: { method: 'GET', path: '/v1/auth/token/lookup-self' },
  auth: { scheme: 'header', name: 'x-vault-token' },
  only: {
    pattern: '^hv[sb]\\.',
    otherwise:
      'a recovery token (hvr.) works only while Vault runs in recovery mode, where the token lookup does not answer',
  },
  rejects: { status: 403, says: 'invalid token' },
  read: {
    expect: 'data',
    identity: ['data.display_name', 'data.entity_id'],
    identityIs: 'token',
    tokenType: { path: 'data.type' },
    permissions: 'data.policies',
    expiresAt: 'data.expire_time',
  },
  unknowns: [
    {
      what: 'paths and capabilities',
      reason:
        "the policies name what the token may do, but their rules (paths, capabilities) are read only with rights a token's default policy does not give; a root policy can do everything",
    },
  ],
};
