import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * PagerDuty's abilities list names what the account's plan allows
 * (https://developer.pagerduty.com/api-reference/ — "List abilities"); any REST API key may read
 * it, read-only keys too. The nearer whoami, GET /users/me, answers only user keys (u+): account
 * (general access) keys get an error there, so it would leave most keys unsettled.
 * EU accounts use https://api.eu.pagerduty.com (the flag).
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.pagerduty.com', flag: 'pagerduty-api-url', env: ['TOKENSCOPE_PAGERDUTY_API_URL'] },
  operation: { method: 'GET', path: '/abilities' },
  auth: { scheme: 'header', name: 'authorization', prefix: 'Token token=', separator: '' },
  headers: { accept: 'application/vnd.pagerduty+json;version=2' },
  read: { expect: '' },
  unknowns: [
    {
      what: 'access level',
      reason:
        "whether the key is a general access key (the whole account) or a user's (that user's role), and whether it is read-only, is said only in the web app",
    },
  ],
};
