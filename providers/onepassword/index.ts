import type { Provider } from '../../src/core/provider.js';

/** 1Password: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const onepassword: Provider = {
  id: 'onepassword',
  name: '1Password',
  docsUrl: 'https://developer.1password.com/docs/service-accounts/',
  rules: [
    {
      // Format: https://developer.1password.com/docs/service-accounts/use-with-1password-cli/ (OP_SERVICE_ACCOUNT_TOKEN, ops_ followed by an encoded JSON document)
      id: 'onepassword-service-account-token',
      provider: 'onepassword',
      kind: 'service account token',
      description: '1Password service account token (ops_)',
      confidence: 'high',
      keywords: ['ops_eyJ'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>ops_eyJ[A-Za-z0-9_-]{100,2000})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6IkxXVDNMSURlT0RnM2hkeVlLdVJSUTcifSwiZW1haWwiOiJqbWJ1Y29rbHp6dWZvZm9zQDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiZTM1NjEzOWE2NmJlMDVjOTVjZmU0NjUyMzBjZWZlODA5ZjNjN2FkM2VjNzk0NzhiMGVlMTVkZTI5ODI0ZTZjOCIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiZGsxR2xUbWlsekRZU085bnVjZkRsUjQwQVdaeUZWdjJqcTRFckRRUnlXcSIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtRU9XS1ozLVc0WkU3RyIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiI3ZGYwOTcyY2ZhZGZlMjZkODk4MzgzMjQ5NGE3Y2QxMTQ2NjhmY2I3NDg0YTU1MGZhZjA2NWNkODk1MTE2NmI1IiwiZGV2aWNlVXVpZCI6Imx2ZTdpaDhvdDBzazA3cmU1aGJoZXZmN3p6In0sImRldmljZVV1aWQiOiJ2czE0anNuaWsyMWV1aW1mMGZyaTFpYTFpMiJ9',
        ],
        falsePositives: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...', 'const ops_eyJson = 1'],
      },
    },
  ],
};
