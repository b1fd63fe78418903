import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Okta: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const okta: Provider = {
  id: 'okta',
  name: 'Okta',
  docsUrl: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
  rules: [
    {
      // Format: https://developer.okta.com/docs/guides/create-an-api-token/main/ (sent as "Authorization: SSWS <token>")
      id: 'okta-api-token',
      provider: 'okta',
      kind: 'API token',
      description: 'Okta API token (SSWS; 00 and 40 characters) near the word Okta',
      confidence: 'context',
      keywords: ['okta', 'ssws'],
      keywordScope: 'fragment',
      regex: '(?<![A-Za-z0-9_-])(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])',
      entropy: 4,
      context: { pattern: 'okta|ssws', withinLines: 1 },
      examples: {
        truePositives: [
          'OKTA_API_TOKEN=00FToQB8ZCynJJ_6IYq_u-eQD4AXEdfaWHSXKKgQbb',
          'Authorization: SSWS 00PtuR8puT65pxFmPieoCQPO2CTfprtAQq-hNh6JDf',
        ],
        falsePositives: [
          'API_TOKEN=00Z5X9VRGxmp58wMrOIWaNSU6_nIjXtTg5NCfjbWLA',
          'OKTA_API_TOKEN=00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
  ...verifiedBy('Okta', verify),
};
