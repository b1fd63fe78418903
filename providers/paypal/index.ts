import type { Provider } from '../../src/core/provider.js';

/** PayPal: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const paypal: Provider = {
  id: 'paypal',
  name: 'PayPal',
  docsUrl: 'https://developer.paypal.com/api/rest/',
  rules: [
    {
      // Format: https://developer.paypal.com/api/rest/ (client ID and secret of a REST app)
      id: 'paypal-client-secret',
      provider: 'paypal',
      kind: 'REST client secret',
      description: 'PayPal REST app client secret (80 characters), by its variable name',
      confidence: 'context',
      keywords: ['paypal'],
      keywordScope: 'line',
      regex:
        'paypal_?(?:client_?)?secret(?:_?key)?["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9_-]{80})(?![A-Za-z0-9_-])',
      flags: 'i',
      entropy: 4,
      examples: {
        truePositives: [
          'PAYPAL_CLIENT_SECRET=ETCbmWGM6m5jJxiAOf1K9kVnakDRW6qmk_OWZAuWRQTzS0gCLV0OBHxAYm-VdOKkEFzqCI8pDoS6kdWN',
        ],
        falsePositives: [
          'PAYPAL_CLIENT_ID=ASuhV-No2LbNZXaSFJmQThKXwQobfoEbpB_MXXmpuJlBItSlUT_jTNXyp_KmPywB_AKjfbZw_eL1XTLE',
          'PAYPAL_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
};
