import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Postman's /me names the user of an API key and its team (https://learning.postman.com/docs/developer/postman-api/). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.getpostman.com', flag: 'postman-api-url', env: ['TOKENSCOPE_POSTMAN_API_URL'] },
  operation: { method: 'GET', path: '/me' },
  auth: { scheme: 'header', name: 'x-api-key' },
  read: {
    expect: 'user',
    identity: ['user.email', 'user.username', 'user.id'],
    identityIs: 'user',
    reach: { teams: 'user.teamName' },
  },
  unknowns: [
    {
      what: 'workspaces, collections and environments reached',
      reason:
        "an API key acts with its user's rights on every workspace; environments may hold other secrets. /me lists none of them",
    },
  ],
};
