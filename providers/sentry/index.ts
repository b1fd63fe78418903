import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Sentry: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const sentry: Provider = {
  id: 'sentry',
  name: 'Sentry',
  docsUrl: 'https://docs.sentry.io/account/auth-tokens/',
  rules: [
    {
      // Format: https://docs.sentry.io/security-legal-pii/security/token-formats/ (sntryu_ followed by 64 hex characters)
      id: 'sentry-user-token',
      provider: 'sentry',
      kind: 'user auth token',
      description: 'Sentry personal (user) auth token (sntryu_)',
      confidence: 'high',
      keywords: ['sntryu_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>sntryu_[0-9a-f]{64})\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['SENTRY_AUTH_TOKEN=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'],
        falsePositives: [
          'SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000',
          'sntryu_token',
        ],
      },
    },
    {
      // Format: https://docs.sentry.io/security-legal-pii/security/token-formats/ and https://docs.sentry.io/account/auth-tokens/#organization-tokens
      id: 'sentry-org-token',
      provider: 'sentry',
      kind: 'organization auth token',
      description: 'Sentry organization auth token (sntrys_, an encoded JSON payload, _, the secret)',
      confidence: 'high',
      keywords: ['sntrys_eyJ'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>sntrys_eyJ[A-Za-z0-9+/=-]{30,1000}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'SENTRY_AUTH_TOKEN=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',
        ],
        falsePositives: ['SENTRY_AUTH_TOKEN=sntrys_eyJ...', 'sntrys_eyJabc_short'],
      },
    },
  ],
  ...verifiedBy('Sentry', verify),
};
