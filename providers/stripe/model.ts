/**
 * What the Stripe inspector learns, kept in Scope.facts.stripe for the risk rules and the
 * remediation. Never any of the account's data: of each probe, only whether Stripe allowed it.
 */
export const KEYS_DOCS_URL = 'https://docs.stripe.com/keys';
export const RESTRICTED_DOCS_URL = 'https://docs.stripe.com/keys#limit-access';

export type KeyKind = 'secret' | 'restricted' | 'webhook';

/** The key's kind and mode, from its prefix (sk_/rk_/whsec_, live/test). */
export function keyOf(secret: string): { kind: KeyKind; live: boolean } {
  if (secret.startsWith('whsec_')) return { kind: 'webhook', live: false };
  return { kind: secret.startsWith('rk_') ? 'restricted' : 'secret', live: secret.slice(3, 8) === 'live_' };
}

/**
 * The harmless list GETs a restricted key's read permissions are learned from: each asks for one
 * object at most (`limit=1`), and the answer's data is thrown away unread. A 403 names the missing
 * `rak_*_read` permission. `customerData`: the resource holds customers' personal or payment data.
 */
export const PROBES = [
  { resource: 'balance', path: '/v1/balance', customerData: false },
  { resource: 'customers', path: '/v1/customers', customerData: true },
  { resource: 'charges', path: '/v1/charges', customerData: true },
  { resource: 'payment intents', path: '/v1/payment_intents', customerData: true },
  { resource: 'invoices', path: '/v1/invoices', customerData: true },
  { resource: 'subscriptions', path: '/v1/subscriptions', customerData: true },
  { resource: 'refunds', path: '/v1/refunds', customerData: false },
  { resource: 'payouts', path: '/v1/payouts', customerData: false },
  { resource: 'transfers', path: '/v1/transfers', customerData: false },
  { resource: 'products', path: '/v1/products', customerData: false },
] as const;
export type Resource = (typeof PROBES)[number]['resource'];

export interface StripeFacts {
  kind: 'secret' | 'restricted';
  live: boolean;
  /** The account's id and display name, when the key may read the account. */
  account?: { id: string; name?: string };
  /** Resources the key may read: every one for a secret key, those whose probe Stripe allowed for a restricted one. */
  readable: Resource[];
  /** Resources Stripe refused to a restricted key, with the permission it named. */
  refused: { resource: Resource; permission?: string }[];
}

export function stripeFacts(facts: Record<string, unknown> | undefined): StripeFacts | undefined {
  return facts?.stripe as StripeFacts | undefined;
}

export const accountName = (f: StripeFacts) =>
  f.account ? `"${f.account.name ?? f.account.id}"${f.account.name ? ` (${f.account.id})` : ''}` : 'its account';

export const customerReads = (f: StripeFacts): Resource[] =>
  f.readable.filter((r) => PROBES.find((p) => p.resource === r)?.customerData);
