import type { Provider } from '../../src/core/provider.js';

/** PayPal Braintree: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const braintree: Provider = {
  id: 'braintree',
  name: 'PayPal Braintree',
  docsUrl: 'https://developer.paypal.com/braintree/docs/guides/authorization/overview',
  rules: [
    {
      // Format: https://developer.paypal.com/braintree/docs/guides/authorization/access-token (access_token$<environment>$<merchant id>$<secret>)
      id: 'braintree-access-token',
      provider: 'braintree',
      kind: 'access token',
      description: 'Braintree production access token (access_token$production$)',
      confidence: 'high',
      keywords: ['$production$'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '(?<secret>access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32})\\b',
      entropy: 3.5,
      examples: {
        truePositives: [
          'BRAINTREE_ACCESS_TOKEN=access_token$production$p7yib4iqiumho188$d0e1df4351217cb6b8c4719b7189a94e',
        ],
        falsePositives: [
          'BRAINTREE_ACCESS_TOKEN=access_token$sandbox$bhqm9s1h2ldue4aq$e55fd58717489f19bea0b12248c94216',
          'access_token$production$merchant$secret',
        ],
      },
    },
  ],
};
