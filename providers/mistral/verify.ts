import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Mistral has no "who am I"; listing models is its harmless read
 * (https://docs.mistral.ai/api/#tag/models): it proves the key live, names no one.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.mistral.ai', flag: 'mistral-api-url', env: ['TOKENSCOPE_MISTRAL_API_URL'] },
  operation: { method: 'GET', path: '/v1/models' },
  auth: { scheme: 'bearer' },
  read: { expect: '' },
  unknowns: [
    {
      what: 'workspace, spending and data reached',
      reason:
        "a Mistral API key spends on its workspace's bill and reads its files and fine-tuned models; the models list says nothing of either",
    },
  ],
};
