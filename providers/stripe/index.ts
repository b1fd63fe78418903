import type { Provider } from '../../src/core/provider.js';

export const stripe: Provider = {
  id: 'stripe',
  name: 'Stripe',
  docsUrl: 'https://docs.stripe.com/keys#limit-access',
  rules: [
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
  ],
};
