import type { Provider } from '../../src/core/provider.js';

/** Algolia: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const algolia: Provider = {
  id: 'algolia',
  name: 'Algolia',
  docsUrl: 'https://www.algolia.com/doc/guides/security/api-keys/',
  rules: [
    {
      // Format: https://www.algolia.com/doc/guides/security/api-keys/ (the Admin API key must stay secret; search-only keys may be public)
      id: 'algolia-admin-key',
      provider: 'algolia',
      kind: 'admin or write API key',
      description: 'Algolia admin or write API key (32 hex), by its variable name (search-only keys are public)',
      confidence: 'context',
      keywords: ['algolia'],
      keywordScope: 'line',
      regex: 'algolia_?(?:admin|write)_?(?:api_?)?key["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[0-9a-f]{32})\\b',
      flags: 'i',
      entropy: 3.3,
      examples: {
        truePositives: [
          'ALGOLIA_ADMIN_KEY=600e2b406bc8d2f3120fafe73b0c7172',
          "algoliaAdminApiKey: 'f0ef47015b45623b8d2c5f239c8884a4'",
        ],
        falsePositives: [
          'ALGOLIA_SEARCH_KEY=ed582f494b5ab66b50b00e1a6668b098',
          'ALGOLIA_ADMIN_KEY=00000000000000000000000000000000',
        ],
      },
    },
  ],
};
