import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Netlify's prefixed tokens are 40 characters: nfp_ (personal), nfo_ (OAuth), nfc_ (CLI), nfu_
 * (app), nfb_ (build), then 36 of [A-Za-z0-9_] (answers.netlify.com on the new format; the
 * separator of the four other prefixes is unconfirmed, the same as nfp_ is assumed). Older tokens
 * are 43 to 45 URL-safe characters, taken only with a name saying Netlify.
 */
export const rules: RuleSpec[] = [
  {
    id: 'netlify-token',
    provider: 'netlify',
    confidence: 'high',
    kind: 'access token',
    description: 'Netlify personal, OAuth, CLI, app or build token (nfp_, nfo_, nfc_, nfu_, nfb_)',
    keywords: ['nfp_', 'nfo_', 'nfc_', 'nfu_', 'nfb_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>nf[pocub]_[A-Za-z0-9_]{36})\\b',
    entropy: 3.5,
    examples: {
      truePositives: [
        'NETLIFY_AUTH_TOKEN=nfp_Xq8Lm3Vz9Kc2Rt7Wb4Ny1Hd6Pj0Gs5Fa3Ue8',
        'token: nfc_Bv7Kq2Zx9Lm4Nc1Rw8Tp3Hy6Jd0Fs5Ga2We7',
      ],
      falsePositives: [
        `NETLIFY_AUTH_TOKEN=nfp_${'a'.repeat(36)}`,
        'const nfp_total = 3',
        'NETLIFY_AUTH_TOKEN=nfp_Xq8Lm3Vz9Kc2Rt7Wb4Ny1Hd6Pj0Gs5Fa3Ue8 # tokenscope:allow',
      ],
    },
  },
  {
    id: 'netlify-legacy-token',
    provider: 'netlify',
    confidence: 'context',
    kind: 'access token (legacy)',
    description: 'Netlify token from before prefixes: 43 to 45 URL-safe characters, named for Netlify',
    keywords: ['netlify'],
    regex: '(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9_-]{43,45})(?![A-Za-z0-9_-])',
    entropy: 4,
    context: { pattern: 'netlify', withinLines: 0 },
    examples: {
      truePositives: ['NETLIFY_AUTH_TOKEN=Zk3pR8mQ2vT7nL4wZ9cB1hJ6yF5dS0gA8eK2uW7xN4q'],
      falsePositives: [
        'NETLIFY_SITE_ID=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'BUILD_HASH=Zk3pR8mQ2vT7nL4wZ9cB1hJ6yF5dS0gA8eK2uW7xN4q',
        'NETLIFY_AUTH_TOKEN=nfp_Xq8Lm3Vz9Kc2Rt7Wb4Ny1Hd6Pj0Gs5Fa3Ue8',
      ],
    },
  },
];
