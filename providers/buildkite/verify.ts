import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Buildkite's access-token endpoint describes the token that calls it, scopes included
 * (https://buildkite.com/docs/apis/rest-api/access-token). Its DELETE revokes the token: only the
 * GET is listed.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.buildkite.com', flag: 'buildkite-api-url', env: ['TOKENSCOPE_BUILDKITE_API_URL'] },
  operation: { method: 'GET', path: '/v2/access-token' },
  auth: { scheme: 'bearer' },
  read: {
    expect: '',
    identity: ['user.email', 'user.name', 'uuid'],
    identityIs: 'user',
    permissions: 'scopes',
  },
  unknowns: [
    {
      what: 'organizations and pipelines reached',
      reason:
        "the token reaches the organizations chosen when it was made, with its user's role in each; the access-token answer names neither",
    },
  ],
};
