import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Cohere: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const cohere: Provider = {
  id: 'cohere',
  name: 'Cohere',
  docsUrl: 'https://docs.cohere.com/docs/rate-limits',
  rules: [
    {
      // Format: https://docs.cohere.com/reference/about (CO_API_KEY / COHERE_API_KEY, sent as a bearer token)
      id: 'cohere-api-key',
      provider: 'cohere',
      kind: 'API key',
      description: 'Cohere API key (40 characters), by its variable name',
      confidence: 'context',
      keywords: ['cohere', 'co_api'],
      keywordScope: 'line',
      regex: '(?:cohere|co)_api_key["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])',
      flags: 'i',
      entropy: 4,
      examples: {
        truePositives: [
          'COHERE_API_KEY=69QFWUDoc3g2JlpJPm1facko4wObrjHhurwV4VRW',
          'CO_API_KEY="OSemQOlCA4Vn0CVurghSULhnKiIMLONXFmGvsJV0"',
        ],
        falsePositives: ['COHERE_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'COHERE_API_KEY=<your-key>'],
      },
    },
  ],
  ...verifiedBy('Cohere', verify),
};
