import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Figma names the user of a personal access token (https://www.figma.com/developers/api#get-me-endpoint). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.figma.com', flag: 'figma-api-url', env: ['TOKENSCOPE_FIGMA_API_URL'] },
  operation: { method: 'GET', path: '/v1/me' },
  auth: { scheme: 'header', name: 'x-figma-token' },
  errorWords: 'err',
  read: { expect: '', identity: ['email', 'handle', 'id'], identityIs: 'user' },
  unknowns: [
    {
      what: 'scopes and files reached',
      reason:
        "a personal access token's scopes were chosen when it was made; /v1/me does not return them, nor the teams and files its user reaches",
    },
  ],
};
