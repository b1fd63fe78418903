import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Together AI has no "who am I"; listing models is its harmless read
 * (https://docs.together.ai/reference/models-1): a JSON list, which proves the key live and names no one.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.together.xyz', flag: 'together-api-url', env: ['TOKENSCOPE_TOGETHER_API_URL'] },
  operation: { method: 'GET', path: '/v1/models' },
  auth: { scheme: 'bearer' },
  read: { expect: '[]' },
  unknowns: [
    {
      what: 'spending and data reached',
      reason:
        "a Together API key spends on its account's bill and reads its files and fine-tuning jobs; the models list says nothing of either",
    },
  ],
};
