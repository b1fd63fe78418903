import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Linear's API is GraphQL: its whoami is the `viewer` query, with the workspace beside it
 * (https://linear.app/developers/graphql). One query document, listed exactly: the door refuses
 * any other document and every mutation. A personal API key goes in the Authorization header as
 * it is; an OAuth token (lin_oauth_) would go as Bearer, and is not sent.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.linear.app', flag: 'linear-api-url', env: ['TOKENSCOPE_LINEAR_API_URL'] },
  operation: {
    method: 'POST',
    path: '/graphql',
    body: { graphql: ['query Whoami { viewer { id name email } organization { name urlKey } }'] },
  },
  auth: { scheme: 'header', name: 'authorization' },
  only: {
    pattern: '^lin_api_',
    otherwise:
      'tokenscope verifies Linear personal API keys (lin_api_) only; an OAuth access token (lin_oauth_) is sent differently, as Bearer, and is not sent',
  },
  read: {
    expect: 'data.viewer',
    identity: ['data.viewer.email', 'data.viewer.name', 'data.viewer.id'],
    identityIs: 'user',
    reach: { workspaces: 'data.organization.name' },
  },
  unknowns: [
    {
      what: 'permissions and teams',
      reason:
        'a personal API key acts as its user, with full access or the permissions (read, write, admin) and teams chosen when it was made; the viewer answer says neither',
    },
  ],
};
