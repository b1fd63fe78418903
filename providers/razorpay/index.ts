import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Razorpay: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const razorpay: Provider = {
  id: 'razorpay',
  name: 'Razorpay',
  // Test mode keys (rzp_test_) move no money: keep live keys to production.
  docsUrl: 'https://razorpay.com/docs/payments/dashboard/account-settings/api-keys/',
  rules: [
    namedSecret({
      // Format: https://razorpay.com/docs/api/authentication/ (a key id, rzp_live_ or rzp_test_, and its key secret of 24 letters and digits)
      id: 'razorpay-key-secret',
      provider: 'razorpay',
      kind: 'key secret',
      description: 'Razorpay API key secret (24 characters), by its variable name',
      keywords: ['razorpay', 'rzp_'],
      names: 'razorpay_?(?:key_?)?secret|rzp_?(?:key_?)?secret',
      value: '[A-Za-z0-9]{24}',
      entropy: 4,
      examples: {
        truePositives: ['RAZORPAY_KEY_SECRET=SIaUSd4zjYxsDKIMXAlLTJ3x'],
        falsePositives: ['RAZORPAY_KEY_ID=rzp_live_yUqOc8Vk481u47', 'RAZORPAY_KEY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxx'],
      },
    }),
  ],
};
