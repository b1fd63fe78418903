import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Pulumi Cloud's REST API names the user of a token and its organizations (https://www.pulumi.com/docs/pulumi-cloud/reference/cloud-rest-api/). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.pulumi.com', flag: 'pulumi-api-url', env: ['TOKENSCOPE_PULUMI_API_URL'] },
  operation: { method: 'GET', path: '/api/user' },
  auth: { scheme: 'header', name: 'authorization', prefix: 'token' },
  headers: { accept: 'application/vnd.pulumi+8' },
  read: {
    expect: '',
    identity: ['githubLogin', 'name', 'email'],
    identityIs: 'user',
    reach: { organizations: 'organizations[].githubLogin' },
  },
  unknowns: [
    {
      what: 'stacks and their secrets',
      reason:
        'a personal access token acts as its user on every stack of every organization listed, and can read their configuration secrets; the user answer does not list stacks',
    },
  ],
};
