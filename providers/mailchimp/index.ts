import type { Provider } from '../../src/core/provider.js';

/** Mailchimp: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const mailchimp: Provider = {
  id: 'mailchimp',
  name: 'Mailchimp',
  docsUrl: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
  unverifiable:
    "a Mailchimp key's API host is named inside the key (its -usN data center); tokenscope sends tokens only to endpoints the user configures",
  rules: [
    {
      // Format: https://mailchimp.com/developer/marketing/guides/quick-start/ (the key ends with its data center, e.g. -us19)
      id: 'mailchimp-api-key',
      provider: 'mailchimp',
      kind: 'API key',
      description: 'Mailchimp Marketing API key (32 hex characters, then -us and the data center)',
      confidence: 'high',
      keywords: ['-us'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['MAILCHIMP_API_KEY=6394a4f2a578cfda896b20158f95641b-us21'],
        falsePositives: [
          'MAILCHIMP_API_KEY=00000000000000000000000000000000-us21',
          'locale: en-us; hash=f3239258b97a52a5926143311ba467c6',
        ],
      },
    },
  ],
};
