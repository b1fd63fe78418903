import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

// Format: https://developers.brevo.com/docs/getting-started (API keys xkeysib-) and
// https://help.brevo.com/hc/en-us/articles/7959631848850 (SMTP keys xsmtpsib-): 64 hexadecimal
// characters, a hyphen and 16 letters and digits.
const brevoKey = (prefix: string, kind: string, id: string, sample: string, assigned: string) =>
  prefixedToken({
    id: `brevo-${id}`,
    provider: 'brevo',
    kind,
    description: `Brevo (Sendinblue) ${kind} (${prefix})`,
    prefix,
    body: '[0-9a-f]{64}-[A-Za-z0-9]{16}',
    entropy: 3.5,
    examples: {
      truePositives: [`${assigned}${sample}`],
      falsePositives: [`${assigned}${prefix}...`, `${prefix}${'0'.repeat(64)}-AAAAAAAAAAAAAAAA`],
    },
  });

/** Brevo: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const brevo: Provider = {
  id: 'brevo',
  name: 'Brevo',
  // An SMTP key only sends mail; an API key reaches the whole account (IP-restrict it).
  docsUrl: 'https://help.brevo.com/hc/en-us/articles/209467485',
  rules: [
    brevoKey(
      'xkeysib-',
      'API key',
      'api-key',
      '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',
      'BREVO_API_KEY=',
    ),
    brevoKey(
      'xsmtpsib-',
      'SMTP key',
      'smtp-key',
      'xsmtpsib-0d0519c31e9cd13a806639b46b6b750063ef586867cdc403b24ccd9e96a21a52-aeBgP7FxS7m3nHZi',
      'SMTP_PASSWORD=',
    ),
  ],
};
