import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * Shopify's access scopes list names the scopes granted to the token that calls it
 * (https://shopify.dev/docs/api/admin-rest/latest/resources/accessscope). The shop's host
 * (<shop>.myshopify.com) is the customer's own: it comes only from the user's flag or environment,
 * never from the scanned content, so there is no default. An app's shared secret (shpss_) signs
 * OAuth and webhooks and is no API token: it is never sent.
 */
export const verify: WhoamiSpec = {
  endpoint: { default: '', flag: 'shopify-api-url', env: ['TOKENSCOPE_SHOPIFY_API_URL'] },
  operation: { method: 'GET', path: '/admin/oauth/access_scopes.json' },
  auth: { scheme: 'header', name: 'x-shopify-access-token' },
  only: {
    pattern: '^shp(?:at|ca|pa)_',
    otherwise:
      "an app's shared secret (shpss_) signs OAuth requests and webhooks; no API takes it, so there is nothing harmless to ask",
  },
  read: { expect: '', permissions: 'access_scopes[].handle' },
  unknowns: [
    {
      what: 'shop reached',
      reason:
        'an Admin API token works on the one shop that installed its app; the answer does not name it, and a token checked against another shop is rejected',
    },
  ],
};
