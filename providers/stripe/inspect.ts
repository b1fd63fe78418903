import type { InspectContext } from '../../src/core/provider.js';
import type { Capability, Credential, Inspection, Scope, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';
import { accountName, customerReads, keyOf, PROBES, type StripeFacts } from './model.js';

const read = shapeReaders('Stripe');

function stripeGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Stripe', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/**
 * The permission a 403 names ("Having the 'rak_customer_read' permission would allow this
 * request"). Only that word is kept: Stripe's messages quote the key's last characters.
 */
function missingPermission(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  const message = typeof error?.message === 'string' ? error.message : '';
  return /'(rak_[a-z_]{1,60})'/.exec(message)?.[1];
}

/** Asks Stripe, read-only, whose key this is and, for a restricted key, what it may read. */
export async function inspectStripe(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const key = keyOf(credential.secret.reveal());
  if (key.kind === 'webhook') {
    return {
      verification: 'unverified',
      reason:
        'a webhook signing secret is accepted by no Stripe API: it signs events sent to one webhook endpoint, which can be forged with it',
      scope: null,
    };
  }
  const account = await stripeGet(ctx, credential, '/v1/account');
  // Stripe's refusals quote the key's last characters: its words are never repeated.
  if (!account.ok && account.status === 401) {
    return {
      verification: 'invalid',
      reason: 'Stripe rejects it (HTTP 401): rolled, deleted or never issued',
      scope: null,
    };
  }
  if (!account.ok && !(account.status === 403 && key.kind === 'restricted')) {
    throw new ProviderUnavailableError(`Stripe answered HTTP ${account.status} to GET /v1/account`);
  }
  const unknowns: Unknown[] = [];
  const facts: StripeFacts = { kind: key.kind, live: key.live, readable: [], refused: [] };
  if (account.ok) {
    const a = read.obj(account.body, 'body');
    const profile = a.business_profile == null ? {} : read.obj(a.business_profile, 'business_profile');
    const settings = a.settings == null ? {} : read.obj(a.settings, 'settings');
    const dashboard = settings.dashboard == null ? {} : read.obj(settings.dashboard, 'settings.dashboard');
    const name =
      read.optStr(profile.name, 'business_profile.name') ??
      read.optStr(dashboard.display_name, 'settings.dashboard.display_name');
    facts.account = { id: read.str(a.id, 'id'), ...(name ? { name } : {}) };
  } else {
    unknowns.push({ what: 'the account', reason: 'the key may not read the account (no account read permission)' });
  }

  if (key.kind === 'secret') {
    // A secret key has full access to its account (docs.stripe.com/keys): nothing to probe.
    facts.readable = PROBES.map((p) => p.resource);
  } else {
    for (const probe of PROBES) {
      const answer = await stripeGet(
        ctx,
        credential,
        probe.path === '/v1/balance' ? probe.path : `${probe.path}?limit=1`,
      );
      // Of the answer, only whether it was allowed: the object it holds is customer data.
      if (answer.ok) facts.readable.push(probe.resource);
      else if (answer.status === 403) {
        const permission = missingPermission(answer.body);
        facts.refused.push({ resource: probe.resource, ...(permission ? { permission } : {}) });
      } else throw new ProviderUnavailableError(`Stripe answered HTTP ${answer.status} to GET ${probe.path}`);
    }
    unknowns.push({
      what: 'write permissions',
      reason:
        'Stripe shows a restricted key its permissions nowhere; reads were learned from list GETs of one object, and a write permission could only be learned by writing',
    });
    unknowns.push({
      what: 'resources not probed',
      reason: `only ${PROBES.length} resources were probed (${PROBES.map((p) => p.resource).join(', ')})`,
    });
  }
  unknowns.push({ what: 'expiry', reason: 'Stripe does not show when a key expires, if ever' });

  const kind = `${key.live ? 'live' : 'test-mode'} ${key.kind} key`;
  return {
    verification: 'verified',
    reason: `Stripe accepts it as a ${kind} of ${accountName(facts)}`,
    scope: buildScope(facts, kind, unknowns),
  };
}

function buildScope(f: StripeFacts, kind: string, unknowns: Unknown[]): Scope {
  const where = f.live ? { environment: 'live', production: true } : { environment: 'test' };
  const account = `Stripe account ${accountName(f)}`;
  const capabilities: Capability[] =
    f.kind === 'secret'
      ? [
          { action: 'admin', resource: `${account}: every resource, API keys excepted`, ...where },
          { action: 'write', resource: 'money: refunds, payouts, transfers, charges', ...where },
          { action: 'delete', resource: 'customers, products, webhook endpoints', ...where },
          { action: 'read', resource: `customer data (${customerReads(f).join(', ')})`, ...where },
        ]
      : f.readable.map((r) => ({ action: 'read' as const, resource: `${r} of ${account}`, ...where }));
  const accounts = f.account ? [f.account.name ? `${f.account.name} (${f.account.id})` : f.account.id] : [];
  return {
    identity: f.account ? `account ${f.account.id}` : null,
    tokenType: kind,
    permissions: [
      `mode: ${f.live ? 'live' : 'test'}`,
      ...(f.kind === 'secret' ? ['full access (secret key)'] : f.readable.map((r) => `${r}: read`)),
      ...f.refused.map((r) => `${r.resource}: none${r.permission ? ` (lacks ${r.permission})` : ''}`),
    ],
    capabilities,
    reach: accounts.length > 0 ? { [f.live ? 'live-mode accounts' : 'test-mode accounts']: accounts } : {},
    expiresAt: null,
    unknowns,
    facts: { stripe: f },
  };
}
