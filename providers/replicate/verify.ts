import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Replicate names the account a token belongs to (https://replicate.com/docs/reference/http#account.get). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.replicate.com', flag: 'replicate-api-url', env: ['TOKENSCOPE_REPLICATE_API_URL'] },
  operation: { method: 'GET', path: '/v1/account' },
  auth: { scheme: 'bearer' },
  read: { expect: '', identity: ['username', 'name'], identityIs: 'account' },
  unknowns: [
    {
      what: 'spending and models reached',
      reason:
        "an API token runs any model on the account's bill and manages its models and deployments; the account answer does not say more",
    },
  ],
};
