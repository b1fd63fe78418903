import type { Provider } from '../../src/core/provider.js';

/** Bitwarden Secrets Manager: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const bitwarden: Provider = {
  id: 'bitwarden',
  name: 'Bitwarden Secrets Manager',
  // A machine account reaches only the projects it is granted, read-only unless it must write.
  docsUrl: 'https://bitwarden.com/help/machine-accounts/',
  rules: [
    {
      // Format: https://bitwarden.com/help/access-tokens/ (BWS_ACCESS_TOKEN: version 0, the access
      // token id (a UUID), the client secret, and after a colon the base64 encryption key)
      id: 'bitwarden-access-token',
      provider: 'bitwarden',
      kind: 'machine account access token',
      description: 'Bitwarden Secrets Manager machine account access token (0.<uuid>.<secret>:<key>)',
      // The four parts in that order make no other string; the keywords only say where to look.
      confidence: 'high',
      keywords: ['bws_access_token', 'bitwarden'],
      keywordScope: 'fragment',
      regex:
        '(?<![A-Za-z0-9.])(?<secret>0\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)',
      entropy: 4,
      examples: {
        truePositives: [
          'BWS_ACCESS_TOKEN=0.862c8e7d-3691-4edd-baed-8562ee7a39ba.U4pZgPkDcxGpBs4RzHYE9l7qyvmshO:Xpgeh+tTOS5Y3dlA9Pm6zw==',
        ],
        falsePositives: [
          'BWS_ACCESS_TOKEN=0.862c8e7d-3691-4edd-baed-8562ee7a39ba',
          'BWS_ACCESS_TOKEN=0.00000000-0000-0000-0000-000000000000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:xxxxxxxxxxxxxxxxxxxxxx==',
        ],
      },
    },
  ],
};
