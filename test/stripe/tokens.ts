import { randomInt } from 'node:crypto';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const random = (n: number) => Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join('');

/** A fresh Stripe-shaped key known to nobody (Stripe publishes no checksum; today's keys are ~107 characters). */
export function stripeKey(prefix: 'sk_live' | 'rk_live' | 'sk_test' | 'rk_test' = 'sk_live'): string {
  return `${prefix}_51${random(97)}`;
}

export function stripeWebhookSecret(): string {
  return `whsec_${random(32)}`;
}
