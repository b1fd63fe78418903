import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Asana returns the user of a token and its workspaces (https://developers.asana.com/reference/getuser, user_gid "me"). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://app.asana.com', flag: 'asana-api-url', env: ['TOKENSCOPE_ASANA_API_URL'] },
  operation: { method: 'GET', path: '/api/1.0/users/me' },
  auth: { scheme: 'bearer' },
  read: {
    expect: 'data',
    identity: ['data.email', 'data.name', 'data.gid'],
    identityIs: 'user',
    reach: { workspaces: 'data.workspaces[].name' },
  },
  unknowns: [
    {
      what: 'what it can change',
      reason:
        'a personal access token acts with everything its user can do in each workspace; Asana has no read-only call that says more',
    },
  ],
};
