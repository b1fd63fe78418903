import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Okta names the user an API token acts as (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/).
 * The org's host is the customer's own: it comes only from the user's flag or environment, never
 * from the scanned content, so there is no default.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: '', flag: 'okta-api-url', env: ['TOKENSCOPE_OKTA_API_URL'] },
  operation: { method: 'GET', path: '/api/v1/users/me' },
  auth: { scheme: 'header', name: 'authorization', prefix: 'SSWS' },
  errorWords: 'errorSummary',
  read: { expect: 'profile', identity: ['profile.login', 'profile.email', 'id'], identityIs: 'user' },
  unknowns: [
    {
      what: 'admin roles',
      reason: "an API token acts with its admin's roles (often super admin); /users/me does not list them",
    },
  ],
};
