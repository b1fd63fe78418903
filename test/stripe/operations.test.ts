import { describe, expect, it } from '@jest/globals';
import { stripe } from '../../providers/stripe/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://api.stripe.com');
const allowed = (method: string, path: string) =>
  refusal(stripe.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// Stripe endpoints that move money, destroy, or reveal secrets (Stripe's API reference; the fact
// sheet's §7.3): none may ever pass the door.
const FORBIDDEN: [string, string][] = [
  // Money.
  ['POST', '/v1/refunds'],
  ['POST', '/v1/payouts'],
  ['POST', '/v1/transfers'],
  ['POST', '/v1/charges'],
  ['POST', '/v1/payment_intents'],
  ['POST', '/v1/payment_intents/pi_1/confirm'],
  ['POST', '/v1/payouts/po_1/cancel'],
  // Destruction and redirection of events.
  ['DELETE', '/v1/customers/cus_1'],
  ['DELETE', '/v1/products/prod_1'],
  ['DELETE', '/v1/webhook_endpoints/we_1'],
  ['POST', '/v1/webhook_endpoints'],
  ['POST', '/v1/account'],
  ['POST', '/v1/accounts/acct_1/external_accounts'],
  // One object's full data (the probes list one object and never keep it), and other reads not needed.
  ['GET', '/v1/customers/cus_1'],
  ['GET', '/v1/customers/search'],
  ['GET', '/v1/webhook_endpoints'],
  ['GET', '/v1/accounts'],
  ['GET', '/v1/issuing/cards/ic_1'],
  ['GET', '/v1/payment_methods'],
];

describe('Stripe operations', () => {
  it('allow the account and the eleven list reads, with a query string', () => {
    expect(allowed('GET', '/v1/account')).toBe(true);
    expect(allowed('GET', '/v1/balance')).toBe(true);
    for (const list of ['customers', 'charges', 'payment_intents', 'invoices', 'subscriptions', 'refunds', 'payouts'])
      expect(allowed('GET', `/v1/${list}?limit=1`)).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list only GETs: every Stripe write is a POST or a DELETE', () => {
    expect(stripe.operations!.every((op) => op.method === 'GET' && !op.path.includes('{'))).toBe(true);
  });
});
