import type { Provider } from '../../src/core/provider.js';

/** Octopus Deploy: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const octopus: Provider = {
  id: 'octopus',
  name: 'Octopus Deploy',
  // A service account's key with a team role limited to some spaces and projects, and an expiry.
  docsUrl: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
  rules: [
    {
      // Format: https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key (keys API- then
      // upper-case letters and digits). API- is a common word, so the name Octopus must be near.
      id: 'octopus-api-key',
      provider: 'octopus',
      kind: 'API key',
      description: 'Octopus Deploy API key (API-) near the name Octopus',
      confidence: 'context',
      keywords: ['api-'],
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9_-])(?<secret>API-[A-Z0-9]{25,32})(?![A-Za-z0-9_-])',
      entropy: 3.8,
      context: { pattern: 'octopus', withinLines: 3 },
      examples: {
        truePositives: [
          'OCTOPUS_API_KEY=API-FERIXHL1KCIZVQ2TNNFR31U8BO89IU',
          'octo push --apiKey API-FERIXHL1KCIZVQ2TNNFR31U8BO89IU --server https://octopus.acme.io',
        ],
        falsePositives: [
          'X-Request: API-FERIXHL1KCIZVQ2TNNFR31U8BO89IU',
          'OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX',
        ],
      },
    },
  ],
};
