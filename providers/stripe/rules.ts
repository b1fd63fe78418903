import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Stripe's secret keys (docs.stripe.com/keys): `sk_` secret (full account access) and `rk_`
 * restricted (per-resource None/Read/Write), each in live and test mode; `whsec_` webhook signing
 * secrets. Publishable `pk_` keys are public by design and not reported. Stripe publishes no
 * checksum: an entropy floor stands in for one.
 */
export const rules: RuleSpec[] = [
  {
    id: 'stripe-secret-key',
    provider: 'stripe',
    kind: 'live secret key',
    description: 'Stripe live secret key (full account access)',
    confidence: 'high',
    keywords: ['sk_live_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>sk_live_[0-9A-Za-z]{24,247})\\b',
    entropy: 3.5,
    examples: {
      truePositives: ['STRIPE_SECRET_KEY=sk_live_XtsEux70EAm5EooqPzmYJvBI'],
      falsePositives: ['STRIPE_SECRET_KEY=sk_test_XtsEux70EAm5EooqPzmYJvBI', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'stripe-restricted-key',
    provider: 'stripe',
    kind: 'live restricted key',
    description: 'Stripe live restricted key',
    confidence: 'high',
    keywords: ['rk_live_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>rk_live_[0-9A-Za-z]{24,247})\\b',
    entropy: 3.5,
    examples: {
      truePositives: [
        'key = "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"',
      ],
      falsePositives: ['rk_live_<restricted key>'],
    },
  },
  {
    id: 'stripe-test-key',
    provider: 'stripe',
    kind: 'test-mode key',
    description: 'Stripe test-mode secret or restricted key (test data only, no real money)',
    confidence: 'high',
    keywords: ['sk_test_', 'rk_test_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>[sr]k_test_[0-9A-Za-z]{24,247})\\b',
    entropy: 3.5,
    examples: {
      truePositives: [
        'STRIPE_SECRET_KEY=sk_test_XtsEux70EAm5EooqPzmYJvBI',
        'rk_test_51Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0Yg5Ze',
      ],
      falsePositives: ['STRIPE_PUBLISHABLE_KEY=pk_test_XtsEux70EAm5EooqPzmYJvBI', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'stripe',
    kind: 'webhook signing secret',
    description: 'Stripe webhook signing secret (forges events to the endpoint that trusts it)',
    confidence: 'high',
    keywords: ['whsec_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>whsec_[0-9A-Za-z+/]{32,88})(?![0-9A-Za-z+/])',
    entropy: 3.5,
    examples: {
      truePositives: ['STRIPE_WEBHOOK_SECRET=whsec_Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0Yg5ZeXk3pR8mQ'],
      falsePositives: ['STRIPE_WEBHOOK_SECRET=whsec_...', `whsec_${'a'.repeat(40)}`],
    },
  },
];
