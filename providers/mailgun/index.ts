import type { Provider } from '../../src/core/provider.js';

/** Mailgun: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const mailgun: Provider = {
  id: 'mailgun',
  name: 'Mailgun',
  docsUrl: 'https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/',
  unverifiable:
    'Mailgun has no whoami, and the nearest account-wide read (the domain list) has carried SMTP passwords in its answers',
  rules: [
    {
      // Format: https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/ (basic auth user "api", the private API key as password)
      id: 'mailgun-api-key',
      provider: 'mailgun',
      kind: 'API key',
      description:
        'Mailgun private API key (key- followed by 32 hex characters, or the newer hex form) near the word Mailgun',
      confidence: 'context',
      keywords: ['mailgun'],
      keywordScope: 'fragment',
      regex: '(?<![A-Za-z0-9-])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9-])',
      entropy: 3.3,
      context: { pattern: 'mailgun', withinLines: 2 },
      examples: {
        truePositives: [
          'MAILGUN_API_KEY=key-0bd600e25100023adc62016f6be97cf5',
          'MAILGUN_API_KEY=f123b04598608f4d153fac7c58629221-4562f455-aa20f2ee',
        ],
        falsePositives: [
          'MAILGUN_API_KEY=key-00000000000000000000000000000000',
          'api_key=key-fe1235d98b6f42b594c4a0ce31cdcd1e',
        ],
      },
    },
  ],
};
