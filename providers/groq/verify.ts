import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Groq has no "who am I"; listing the models a key may use is its harmless read
 * (https://console.groq.com/docs/api-reference#models-list): it proves the key live, names no one.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.groq.com', flag: 'groq-api-url', env: ['TOKENSCOPE_GROQ_API_URL'] },
  operation: { method: 'GET', path: '/openai/v1/models' },
  auth: { scheme: 'bearer' },
  read: { expect: '' },
  unknowns: [
    {
      what: 'spending and data reached',
      reason:
        "a Groq API key spends on its organization's bill and reads its batches and files; the models list says nothing of either",
    },
  ],
};
