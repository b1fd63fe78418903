import type { Provider } from '../../src/core/provider.js';

/** Alibaba Cloud: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const alibaba: Provider = {
  id: 'alibaba',
  name: 'Alibaba Cloud',
  docsUrl: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
  rules: [
    {
      // Format: https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair (AccessKey ID starts with LTAI; the AccessKey secret is 30 characters)
      id: 'alibaba-access-key-secret',
      provider: 'alibaba',
      kind: 'AccessKey secret',
      description: 'Alibaba Cloud AccessKey secret, by its variable name or beside an LTAI AccessKey id',
      confidence: 'context',
      // The spellings of access_?key_?secret the regex allows (the first and third names end with it),
      // not any key_secret or keysecret.
      keywords: ['access_key_secret', 'access_keysecret', 'accesskey_secret', 'accesskeysecret', 'alicloud_secret'],
      keywordScope: 'line',
      regex:
        '(?:alibaba_?cloud_?access_?key_?secret|alicloud_?secret_?key|access_?key_?secret)["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9])',
      flags: 'i',
      entropy: 3.8,
      examples: {
        truePositives: [
          'ALIBABA_CLOUD_ACCESS_KEY_SECRET=H2YRq1l7YGOSAZo0FzammtUAROLjEo',
          "accessKeySecret: 'CjOULyuV2PivBr9jcKK0fh2Vg7lJeO'",
        ],
        falsePositives: [
          'ALIBABA_CLOUD_ACCESS_KEY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'accessKeySecret: process.env.SECRET',
        ],
      },
    },
    {
      // Format: https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair
      id: 'alibaba-access-key-id',
      provider: 'alibaba',
      kind: 'AccessKey ID',
      description: 'Alibaba Cloud AccessKey ID (LTAI): an identifier, a secret only with its AccessKey secret',
      confidence: 'context',
      keywords: ['LTAI'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>LTAI[A-Za-z0-9]{12,20})\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI472ks3GWVqFrqUaoPcT0'],
        falsePositives: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxxxxxx', 'LTAIShortId'],
      },
    },
  ],
};
