import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { StripeDouble, type StripePlan } from './double.js';
import { stripeKey, stripeWebhookSecret } from './tokens.js';

/**
 * The Stripe the tests talk to: live account "Acme Payments" (acct_1AcmeLive0000000). A live
 * secret key; a restricted key that reads the account, customers, charges and products; a narrow
 * restricted key that reads products only (not even the account); a test-mode secret key.
 */
const PLANS = {
  secretLive: { kind: 'live', key: 'secret' },
  restrictedReads: {
    kind: 'live',
    key: 'restricted',
    allowed: ['/v1/account', '/v1/customers', '/v1/charges', '/v1/products'],
  },
  restrictedNarrow: { kind: 'live', key: 'restricted', allowed: ['/v1/products'] },
  testKey: { kind: 'live', key: 'secret' },
  webhook: { kind: 'live', key: 'secret' },
  limitOnce: { kind: 'live', key: 'secret', limitOnce: true },
  hangHalfway: { kind: 'live', key: 'restricted', allowed: ['/v1/account'], hangOn: '/v1/charges' },
  ...FAULT_PLANS,
} satisfies Record<string, StripePlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;

export function testTokens(): Record<TokenName, string> {
  const prefix = (n: TokenName) =>
    n === 'testKey' ? 'sk_test' : n.startsWith('restricted') || n === 'hangHalfway' ? 'rk_live' : 'sk_live';
  return Object.fromEntries(
    (Object.keys(PLANS) as TokenName[]).map((n) => [n, n === 'webhook' ? stripeWebhookSecret() : stripeKey(prefix(n))]),
  ) as Record<TokenName, string>;
}

export function stripeDouble(tokens: Record<TokenName, string>): StripeDouble {
  return new StripeDouble(new Map((Object.keys(PLANS) as TokenName[]).map((n) => [tokens[n], PLANS[n]])));
}

export function startStripe(): Promise<StartedDouble> {
  const tokens = testTokens();
  return started(stripeDouble(tokens), tokens);
}
