import type { Provider } from '../../src/core/provider.js';

/** Twilio: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const twilio: Provider = {
  id: 'twilio',
  name: 'Twilio',
  docsUrl: 'https://www.twilio.com/docs/iam/api-keys',
  unverifiable:
    'Twilio checks an auth token only together with its Account SID, which tokenscope does not pair with it yet',
  rules: [
    {
      // Format: https://www.twilio.com/docs/iam/api/authtoken and https://www.twilio.com/docs/iam/api-keys (Account SID AC..., API key SID SK..., secrets are 32 characters)
      id: 'twilio-auth-token',
      provider: 'twilio',
      kind: 'auth token',
      description: 'Twilio account auth token or API key secret (32 characters) near the word Twilio',
      confidence: 'context',
      keywords: ['twilio'],
      keywordScope: 'fragment',
      regex: '(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])',
      entropy: 3.4,
      context: { pattern: 'twilio', withinLines: 1, excludeNames: 'sid$|_id$|account$' },
      examples: {
        truePositives: [
          'TWILIO_AUTH_TOKEN=8c2e9ff708ed491e0ed5a5fdbff13bfd',
          'twilio:\n  api_secret: 4WguXSNTSrmw0Z5NsgFgLGE7AOc9v7dJ',
        ],
        falsePositives: [
          'TWILIO_ACCOUNT_SID=ACd36bea8a5bc94b00a59ad474ba17f0ab',
          'AUTH_TOKEN=d163be981eb9a06cc21e195491ad65bc',
          'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
        ],
      },
    },
  ],
};
