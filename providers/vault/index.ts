import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** HashiCorp Vault: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const vault: Provider = {
  id: 'vault',
  name: 'HashiCorp Vault',
  docsUrl: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
  rules: [
    {
      // Format: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes (hvs. service, hvb. batch, hvr. recovery)
      id: 'vault-token',
      provider: 'vault',
      kind: 'token',
      description: 'HashiCorp Vault service, batch or recovery token (hvs., hvb., hvr.)',
      confidence: 'high',
      keywords: ['hvs.', 'hvb.', 'hvr.'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>hv[sbr]\\.[A-Za-z0-9_-]{90,400})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'VAULT_TOKEN=hvs.CAESIEpPH8hBZEgunGHs4sXc_BdwvF44QdxOJnFX8S4MI9aAI7vKzauv8C5Hazw1JBKl6MuKsrxrK_WlAIRJCxmn7S',
          'token: hvb.AAAAAQ9xDJsb1qdbLUl8LnohbZmGnPSVPDwtj08rcfHVTVk815fUU8hJd85O3VIYNycd05bsdWu7Ll0I0OHtlAfBBWaFTUcgHPaa0p_pgLFdmHQi27HnDhGQ2XKufeel3SOL_9Q9rl7IGSENOE',
        ],
        falsePositives: [
          'VAULT_TOKEN=hvs.CAESIABcDeFgHiJkLmNoPqRsTuVwXyZ',
          'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
  ...verifiedBy('HashiCorp Vault', verify),
};
