import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Mistral AI: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const mistral: Provider = {
  id: 'mistral',
  name: 'Mistral AI',
  docsUrl: 'https://docs.mistral.ai/getting-started/quickstart/',
  rules: [
    {
      // Format: https://docs.mistral.ai/getting-started/quickstart/ (MISTRAL_API_KEY)
      id: 'mistral-api-key',
      provider: 'mistral',
      kind: 'API key',
      description: 'Mistral AI API key (32 characters), by its variable name',
      confidence: 'context',
      keywords: ['mistral'],
      keywordScope: 'line',
      regex: 'mistral_?api_?key["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])',
      flags: 'i',
      entropy: 4,
      examples: {
        truePositives: ['MISTRAL_API_KEY=oKmZBsKBEm2KAL8yCcPxK4QsnJglyI3U'],
        falsePositives: [
          'MISTRAL_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'MISTRAL_API_KEY=os.environ["MISTRAL_API_KEY"]',
        ],
      },
    },
  ],
  ...verifiedBy('Mistral AI', verify),
};
