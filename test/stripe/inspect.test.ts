import { describe, expect, it } from '@jest/globals';
import { stripe } from '../../providers/stripe/index.js';
import { useDouble } from '../helpers/double-harness.js';
import { CUSTOMER_EMAIL } from './double.js';
import { stripeDouble, testTokens } from './world.js';

const tokens = testTokens();
const { inspect, finding, requestsOf } = useDouble(stripe, stripeDouble(tokens), tokens);
const ids = (f: { risks: { id: string }[] }) => f.risks.map((r) => r.id);

describe('a live secret key', () => {
  it('is verified by the account alone, full access, live', async () => {
    const i = await inspect('secretLive');
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe('Stripe accepts it as a live secret key of "Acme Payments" (acct_1AcmeLive0000000)');
    expect(i.scope?.identity).toBe('account acct_1AcmeLive0000000');
    expect(i.scope?.permissions).toEqual(['mode: live', 'full access (secret key)']);
    expect(i.scope?.capabilities[0]).toMatchObject({ action: 'admin', production: true, environment: 'live' });
    expect(requestsOf('secretLive').map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/account']);
  });

  it('can move money and reads customer data; the remediation is a restricted key', async () => {
    const f = await finding('secretLive', { path: '.env', name: 'STRIPE_SECRET_KEY', source: 'untracked' });
    expect(ids(f)).toEqual(['can-move-money', 'reads-customer-data']);
    expect(f.severity).toBe('critical');
    expect(f.remediation).toContain('a restricted key (rk_live_)');
    expect(f.remediation).toContain('https://docs.stripe.com/keys#limit-access');
  });
});

describe('a live restricted key', () => {
  it('has its reads learned from one-object list GETs, each missing permission named, no write tried', async () => {
    const i = await inspect('restrictedReads');
    expect(i.verification).toBe('verified');
    expect(i.scope?.permissions).toEqual([
      'mode: live',
      'customers: read',
      'charges: read',
      'products: read',
      'balance: none (lacks rak_balance_read)',
      'payment intents: none (lacks rak_payment_intent_read)',
      'invoices: none (lacks rak_invoice_read)',
      'subscriptions: none (lacks rak_subscription_read)',
      'refunds: none (lacks rak_refund_read)',
      'payouts: none (lacks rak_payout_read)',
      'transfers: none (lacks rak_transfer_read)',
    ]);
    const sent = requestsOf('restrictedReads');
    expect(sent.every((r) => r.method === 'GET')).toBe(true);
    expect(
      sent
        .filter((r) => r.path !== '/v1/account' && r.path !== '/v1/balance')
        .every((r) => r.query.get('limit') === '1'),
    ).toBe(true);
    expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['write permissions', 'resources not probed', 'expiry']);
  });

  it("keeps none of the data the lists held, nor Stripe's words quoting the key", async () => {
    const text = JSON.stringify(await inspect('restrictedReads'));
    expect(text).not.toContain(CUSTOMER_EMAIL);
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('rk_live_*');
    expect(text).not.toContain(tokens.restrictedReads.slice(-4));
  });

  it('reads customer data but is not said to move money (its writes cannot be read)', async () => {
    const f = await finding('restrictedReads', { path: '.env', name: 'STRIPE_KEY', source: 'untracked' });
    expect(ids(f)).toEqual(['reads-customer-data']);
    expect(f.risks[0]!.message).toBe(
      'can read live customer data of "Acme Payments" (acct_1AcmeLive0000000): customers, charges',
    );
  });

  it('found in a staging file, it reaches the live account: cross-environment', async () => {
    const f = await finding('restrictedReads', {
      path: 'deploy/staging/.env',
      name: 'STRIPE_KEY',
      source: 'untracked',
    });
    expect(ids(f)).toContain('cross-environment');
  });

  it('without the account permission: verified, no identity, the account in unknowns', async () => {
    const i = await inspect('restrictedNarrow');
    expect(i.verification).toBe('verified');
    expect(i.scope?.identity).toBeNull();
    expect(i.scope?.permissions.slice(0, 2)).toEqual(['mode: live', 'products: read']);
    expect(i.scope?.unknowns[0]?.what).toBe('the account');
    const f = await finding('restrictedNarrow', { path: '.env', name: 'STRIPE_PRODUCTS_KEY', source: 'untracked' });
    expect(ids(f)).toEqual([]);
  });
});

describe('other Stripe secrets', () => {
  it('a test-mode key is verified with no risk: it reaches test data only', async () => {
    const i = await inspect('testKey');
    expect(i.reason).toBe('Stripe accepts it as a test-mode secret key of "Acme Payments" (acct_1AcmeLive0000000)');
    expect(i.scope?.capabilities[0]).toMatchObject({ environment: 'test' });
    expect(i.scope?.capabilities[0]?.production).toBeUndefined();
    const f = await finding('testKey', { path: 'deploy/staging/.env', name: 'STRIPE_DNS_KEY', source: 'untracked' });
    expect(ids(f)).toEqual([]);
    expect(f.remediation).toContain('test-mode key reaches test data only');
  });

  it('a webhook signing secret is never sent: unverified, with why', async () => {
    const i = await inspect('webhook');
    expect(i).toMatchObject({ verification: 'unverified', scope: null });
    expect(requestsOf('webhook')).toEqual([]);
  });
});
