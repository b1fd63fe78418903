import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Honeycomb's /1/auth describes the key that calls it: its team, environment and what it may do
 * (https://docs.honeycomb.io/api/tag/Auth). It answers ingest and configuration keys; management
 * keys (id and secret) use another API.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.honeycomb.io', flag: 'honeycomb-api-url', env: ['TOKENSCOPE_HONEYCOMB_API_URL'] },
  operation: { method: 'GET', path: '/1/auth' },
  auth: { scheme: 'header', name: 'x-honeycomb-team' },
  only: {
    pattern: '^hc[ax]ik_',
    otherwise: 'a Honeycomb management key is sent with its key id, which tokenscope does not pair with it yet',
  },
  read: {
    expect: 'team',
    identity: ['team.slug', 'team.name'],
    identityIs: 'team',
    tokenType: { path: 'type' },
    permissions: 'api_key_access',
    reach: { environments: 'environment.name' },
  },
  unknowns: [
    {
      what: 'datasets reached',
      reason: "the key's access applies to every dataset of its environment; /1/auth does not list them",
    },
  ],
};
