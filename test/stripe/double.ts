import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Stripe API in the shapes of Stripe's API reference (the fact sheet's §7): the Account
 * object, `{ object: 'list', data, has_more, url }` lists, the Balance object, and errors as
 * `{ error: { type, message } }`. An unknown key is 401 "Invalid API Key provided" quoting the
 * key's last characters, as Stripe does; a restricted key lacking a permission is 403 naming it.
 */

/** The read permission Stripe names for each list the inspector probes. */
export const PERMISSIONS: Record<string, string> = {
  '/v1/account': 'rak_accounts_kyc_basic_read',
  '/v1/balance': 'rak_balance_read',
  '/v1/customers': 'rak_customer_read',
  '/v1/charges': 'rak_charge_read',
  '/v1/payment_intents': 'rak_payment_intent_read',
  '/v1/invoices': 'rak_invoice_read',
  '/v1/subscriptions': 'rak_subscription_read',
  '/v1/refunds': 'rak_refund_read',
  '/v1/payouts': 'rak_payout_read',
  '/v1/transfers': 'rak_transfer_read',
  '/v1/products': 'rak_product_read',
};

export interface StripePlan extends LivePlan {
  /** `secret`: every path; `restricted`: only the paths listed. */
  key: 'secret' | 'restricted';
  allowed?: string[];
}

/** A customer the account holds: its email must never reach a report. */
export const CUSTOMER_EMAIL = 'jane.customer@example.org';

export class StripeDouble extends RestDouble<StripePlan> {
  constructor(tokens: Map<string, StripePlan | FaultPlan>) {
    super('stripe', tokens);
  }

  protected error(status: number, message: string): unknown {
    return {
      error: {
        type: status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error',
        message,
      },
    };
  }

  protected override unknownToken(): Answer {
    return {
      status: 401,
      body: this.error(401, 'Invalid API Key provided: sk_live_*********************************7xQa'),
    };
  }

  protected route(path: string, query: URLSearchParams, who: StripePlan, headers: IncomingMessage['headers']): Answer {
    const permission = PERMISSIONS[path];
    if (!permission) return { status: 404, body: this.error(404, `Unrecognized request URL (GET: ${path}).`) };
    if (who.key === 'restricted' && !who.allowed?.includes(path)) {
      const last = /_([A-Za-z0-9]{4})$/.exec(String(headers.authorization))?.[1] ?? '????';
      return {
        status: 403,
        body: this.error(
          403,
          `The provided key 'rk_live_*****************************${last}' does not have the required permissions for this endpoint on account 'acct_1AcmeLive0000000'. Having the '${permission}' permission would allow this request to continue.`,
        ),
      };
    }
    if (path === '/v1/account') return { status: 200, body: ACCOUNT };
    if (path === '/v1/balance') return { status: 200, body: BALANCE };
    const limit = Math.min(100, Number(query.get('limit') ?? 10));
    const objects =
      path === '/v1/customers'
        ? [CUSTOMER, { ...CUSTOMER, id: 'cus_2' }]
        : [{ id: 'obj_1', object: path.slice(4, -1) }];
    return {
      status: 200,
      body: { object: 'list', data: objects.slice(0, limit), has_more: objects.length > limit, url: path },
    };
  }
}

const ACCOUNT = {
  id: 'acct_1AcmeLive0000000',
  object: 'account',
  business_profile: { name: 'Acme Payments', url: 'https://acme.example', support_email: null },
  charges_enabled: true,
  country: 'US',
  email: 'finance@acme.example',
  payouts_enabled: true,
  settings: { dashboard: { display_name: 'Acme', timezone: 'Etc/UTC' } },
  type: 'standard',
};

const BALANCE = {
  object: 'balance',
  available: [{ amount: 1_250_000, currency: 'usd', source_types: { card: 1_250_000 } }],
  livemode: true,
  pending: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
};

const CUSTOMER = {
  id: 'cus_1',
  object: 'customer',
  email: CUSTOMER_EMAIL,
  name: 'Jane Customer',
  address: { line1: '1 Main St', city: 'Springfield', country: 'US' },
  livemode: true,
};
