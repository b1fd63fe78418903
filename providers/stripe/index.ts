import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { RESTRICTED_DOCS_URL } from './model.js';
import { remediateStripe } from './remediation.js';
import { assessStripe } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const stripe: Provider = {
  id: 'stripe',
  name: 'Stripe',
  docsUrl: RESTRICTED_DOCS_URL,
  rules,
  endpoint: { default: 'https://api.stripe.com', flag: 'stripe-api-url', env: ['TOKENSCOPE_STRIPE_API_URL'] },
  // The account, and list reads of one object each (their data is never kept). Every Stripe write
  // is a POST or DELETE, none listed; no GET that returns a secret (a webhook endpoint's signing
  // secret is shown only when it is created, and webhook endpoints are not listed anyway).
  operations: [
    { method: 'GET', path: '/v1/account' },
    { method: 'GET', path: '/v1/balance' },
    { method: 'GET', path: '/v1/customers' },
    { method: 'GET', path: '/v1/charges' },
    { method: 'GET', path: '/v1/payment_intents' },
    { method: 'GET', path: '/v1/invoices' },
    { method: 'GET', path: '/v1/subscriptions' },
    { method: 'GET', path: '/v1/refunds' },
    { method: 'GET', path: '/v1/payouts' },
    { method: 'GET', path: '/v1/transfers' },
    { method: 'GET', path: '/v1/products' },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectStripe(credential, ctx),
  assess: assessStripe,
  remediation: remediateStripe,
};
