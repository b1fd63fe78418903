import type { Provider } from '../../src/core/provider.js';

/** Plaid: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const plaid: Provider = {
  id: 'plaid',
  name: 'Plaid',
  docsUrl: 'https://plaid.com/docs/api/tokens/',
  rules: [
    {
      // Format: https://plaid.com/docs/api/tokens/#token-exchange-flow and https://plaid.com/docs/quickstart/glossary/#access-token (access-<environment>-<uuid>)
      id: 'plaid-access-token',
      provider: 'plaid',
      kind: 'access token',
      description: 'Plaid production or development access token (access-production-, access-development-)',
      confidence: 'high',
      keywords: ['access-pro', 'access-dev'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex:
        '\\b(?<secret>access-(?:production|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b',
      entropy: 3,
      examples: {
        truePositives: ['PLAID_ACCESS_TOKEN=access-production-9ba7a154-1dc6-47dd-ab9c-7747c4cfc4bc'],
        falsePositives: [
          'PLAID_ACCESS_TOKEN=access-sandbox-b2f4b91e-d2ec-4b63-a20b-be163a17b1f3',
          'access-production-00000000-0000-0000-0000-000000000000',
        ],
      },
    },
    {
      // Format: https://plaid.com/docs/quickstart/glossary/#secret (PLAID_SECRET, one per environment)
      id: 'plaid-secret',
      provider: 'plaid',
      kind: 'API secret',
      description: 'Plaid API secret (30 hex), by its variable name',
      confidence: 'context',
      keywords: ['plaid'],
      keywordScope: 'line',
      regex: 'plaid_?secret["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[0-9a-f]{30})\\b',
      flags: 'i',
      entropy: 3.3,
      examples: {
        truePositives: ['PLAID_SECRET=c23381a9331a028fc6f7afdd022aa3'],
        falsePositives: ['PLAID_SECRET=000000000000000000000000000000', 'PLAID_SECRET=$PLAID_SECRET'],
      },
    },
  ],
};
