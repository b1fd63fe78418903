import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Cohere has no "who am I" GET (its key check is a POST); listing the models a key may use is
 * its harmless read (https://docs.cohere.com/reference/list-models): it proves the key live,
 * names no one.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.cohere.com', flag: 'cohere-api-url', env: ['TOKENSCOPE_COHERE_API_URL'] },
  operation: { method: 'GET', path: '/v1/models' },
  auth: { scheme: 'bearer' },
  read: { expect: '' },
  unknowns: [
    {
      what: 'spending and data reached',
      reason:
        "a Cohere key spends on its organization's bill (trial or production) and reads its datasets and fine-tuned models; the models list says nothing of either",
    },
  ],
};
