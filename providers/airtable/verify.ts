import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Airtable's whoami returns the user of a token and the token's scopes (https://airtable.com/developers/web/api/get-user-id-scopes). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.airtable.com', flag: 'airtable-api-url', env: ['TOKENSCOPE_AIRTABLE_API_URL'] },
  operation: { method: 'GET', path: '/v0/meta/whoami' },
  auth: { scheme: 'bearer' },
  read: { expect: '', identity: ['email', 'id'], identityIs: 'user', permissions: 'scopes' },
  unknowns: [
    {
      what: 'bases reached',
      reason:
        'a personal access token is limited to the bases and workspaces chosen when it was made; whoami does not list them',
    },
  ],
};
