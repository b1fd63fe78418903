import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** MailerSend: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const mailersend: Provider = {
  id: 'mailersend',
  name: 'MailerSend',
  // A token can be limited to one domain and to sending only.
  docsUrl: 'https://www.mailersend.com/help/managing-api-tokens',
  rules: [
    prefixedToken({
      // Format: https://developers.mailersend.com/general.html#authentication (tokens mlsn. then 64
      // hexadecimal characters)
      id: 'mailersend-api-token',
      provider: 'mailersend',
      kind: 'API token',
      description: 'MailerSend API token (mlsn.)',
      prefix: 'mlsn.',
      body: '[0-9a-f]{64}',
      entropy: 3.3,
      examples: {
        truePositives: ['MAILERSEND_API_KEY=mlsn.dacd9adc6d37a53076892caeb0439ecff8dc743bf62ddc2b5494cb6c7b6afefc'],
        falsePositives: [
          'MAILERSEND_API_KEY=mlsn.<token>',
          'mlsn.0000000000000000000000000000000000000000000000000000000000000000',
        ],
      },
    }),
  ],
};
