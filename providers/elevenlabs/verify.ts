import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * ElevenLabs' subscription answer says the plan of the account a key belongs to
 * (https://elevenlabs.io/docs/api-reference/user/subscription/get). The user endpoint is not used:
 * its answer has carried the key itself.
 */
export const verify: WhoamiSpec = {
  endpoint: {
    default: 'https://api.elevenlabs.io',
    flag: 'elevenlabs-api-url',
    env: ['TOKENSCOPE_ELEVENLABS_API_URL'],
  },
  operation: { method: 'GET', path: '/v1/user/subscription' },
  auth: { scheme: 'header', name: 'xi-api-key' },
  errorWords: 'detail.message',
  read: { expect: '', plan: 'tier' },
  unknowns: [
    {
      what: "the key's own permissions",
      reason:
        'an API key may be limited to some endpoints and a credit quota when made; the subscription answer does not say so',
    },
  ],
};
