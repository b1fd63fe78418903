import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Deepgram: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const deepgram: Provider = {
  id: 'deepgram',
  name: 'Deepgram',
  // Keys carry a role (member rather than owner or admin), scopes and an expiry.
  docsUrl: 'https://developers.deepgram.com/docs/create-additional-api-keys',
  rules: [
    namedSecret({
      // Format: https://developers.deepgram.com/docs/create-additional-api-keys (DEEPGRAM_API_KEY;
      // keys are 40 hexadecimal characters)
      id: 'deepgram-api-key',
      provider: 'deepgram',
      kind: 'API key',
      description: 'Deepgram API key (40 hex), by its variable name',
      keywords: ['deepgram'],
      names: 'deepgram_?(?:api_?)?(?:key|token|secret)',
      value: '[0-9a-f]{40}',
      entropy: 3.2,
      examples: {
        truePositives: ['DEEPGRAM_API_KEY=3ca093d3e0136f3fb00b582813d40cdd4777effb'],
        falsePositives: [
          'DEEPGRAM_API_KEY=0000000000000000000000000000000000000000',
          'DEEPGRAM_PROJECT_ID=436d2f6cb3fa20a660225ec1ef224683a630e09c',
        ],
      },
    }),
  ],
};
