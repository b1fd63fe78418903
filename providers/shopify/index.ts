import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Shopify: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const shopify: Provider = {
  id: 'shopify',
  name: 'Shopify',
  docsUrl: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-token-types',
  rules: [
    {
      // Format: https://shopify.dev/docs/apps/build/authentication-authorization/access-token-types (shpat_ admin, shpca_ custom app, shppa_ private app, shpss_ shared secret)
      id: 'shopify-token',
      provider: 'shopify',
      kind: 'access token or shared secret',
      description:
        'Shopify Admin API access token, custom or private app token, or app shared secret (shpat_, shpca_, shppa_, shpss_)',
      confidence: 'high',
      keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\\b',
      entropy: 3.3,
      examples: {
        truePositives: [
          'SHOPIFY_ACCESS_TOKEN=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',
          'SHOPIFY_API_SECRET=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',
        ],
        falsePositives: ['SHOPIFY_ACCESS_TOKEN=shpat_00000000000000000000000000000000', 'shpat_token'],
      },
    },
  ],
  ...verifiedBy('Shopify', verify),
};
