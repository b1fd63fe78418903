import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Sentry's API root returns the scopes of the token that calls it, and its user for user tokens
 * (https://docs.sentry.io/api/users/retrieve-the-current-credentials/).
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://sentry.io', flag: 'sentry-api-url', env: ['TOKENSCOPE_SENTRY_API_URL'] },
  operation: { method: 'GET', path: '/api/0/' },
  auth: { scheme: 'bearer' },
  read: {
    expect: 'auth',
    identity: ['user.email', 'user.username', 'user.id'],
    identityIs: 'user',
    permissions: 'auth.scopes',
  },
  unknowns: [
    {
      what: 'organizations and projects reached',
      reason:
        'the scopes apply in every organization the user belongs to (one organization for an organization token); the answer does not list them',
    },
  ],
};
