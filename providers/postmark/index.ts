import type { Provider } from '../../src/core/provider.js';

/** Postmark: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const postmark: Provider = {
  id: 'postmark',
  name: 'Postmark',
  docsUrl: 'https://postmarkapp.com/developer/api/overview#authentication',
  rules: [
    {
      // Format: https://postmarkapp.com/developer/api/overview#authentication (X-Postmark-Server-Token / X-Postmark-Account-Token)
      id: 'postmark-token',
      provider: 'postmark',
      kind: 'server or account token',
      description: 'Postmark server or account API token (a UUID) near the word Postmark',
      confidence: 'context',
      keywords: ['postmark'],
      keywordScope: 'fragment',
      regex: '(?<![A-Za-z0-9-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])',
      entropy: 3,
      context: { pattern: 'postmark', withinLines: 1, excludeNames: '_id$|template|message' },
      examples: {
        truePositives: [
          'POSTMARK_SERVER_TOKEN=b2fa0b58-c573-4bc1-ac8f-19054ed6bbab',
          "headers: { 'X-Postmark-Server-Token': '40a883b9-6ee9-49b0-a0bb-81e651a6e6a7' }",
        ],
        falsePositives: [
          'POSTMARK_TEMPLATE_ID=a45142dc-5a87-4dd5-a5fe-354bf4ee94ce',
          'SERVER_TOKEN=01a80c9e-e73a-4b1c-a4f8-e1094b2d4c7f',
          'POSTMARK_API_TOKEN=00000000-0000-0000-0000-000000000000',
        ],
      },
    },
  ],
};
