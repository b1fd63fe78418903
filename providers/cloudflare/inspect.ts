import { isProductionName } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { type Answer, authHeaders, get, list, str } from './client.js';
import type { CfAccountResource, CfFacts, CfZone, TokenKind } from './model.js';
import {
  coversAllZones,
  mayOnAccount,
  mayOnZone,
  mintsTokens,
  PERMISSION,
  type Policy,
  readPolicies,
} from './policies.js';
import { buildScope } from './scope.js';

/** Asks Cloudflare, read-only, whether the token lives, what it may do, and to which zones and accounts. */
export async function inspectCloudflare(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const result = await inspectUnscrubbed(credential, ctx);
  return JSON.parse(scrub(JSON.stringify(result), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const secret = credential.secret.reveal();
  if (Object.keys(authHeaders(credential)).length === 0) {
    return {
      verification: 'unverified',
      reason:
        "a Global API Key is accepted only with its user's email (X-Auth-Email), which was not given: it has the full access of that user",
      scope: null,
    };
  }
  if (secret.startsWith('cfk_') || credential.parts.email) return inspectGlobalKey(credential, ctx);
  const kind: TokenKind = secret.startsWith('cfat_') ? 'account' : 'user';
  const unknowns: Unknown[] = [];
  let complete = true;

  // A user token is verified at /user/tokens/verify; an account token at its own account's path,
  // so its accounts are listed first.
  let verify: Answer | undefined = kind === 'user' ? await get(ctx, credential, '/user/tokens/verify') : undefined;
  if (verify && !verify.ok)
    return { verification: 'invalid', reason: `Cloudflare rejects it: ${verify.message}`, scope: null };
  const accountsListed = await list(ctx, credential, '/accounts');
  if (!accountsListed.ok && accountsListed.status === 401) {
    return { verification: 'invalid', reason: `Cloudflare rejects it: ${accountsListed.message}`, scope: null };
  }
  const accounts = accountsListed.ok
    ? accountsListed.items.map((a, i) => ({
        id: str(a.id, `accounts[${i}].id`),
        name: str(a.name, `accounts[${i}].name`),
      }))
    : [];
  let verifiedAt: string | undefined;
  for (const a of kind === 'account' ? accounts : []) {
    const answer = await get(ctx, credential, `/accounts/${encodeURIComponent(a.id)}/tokens/verify`);
    if (answer.ok) {
      verify = answer;
      verifiedAt = a.id;
      break;
    }
  }
  if (!verify?.ok) {
    return {
      verification: 'unverified',
      reason:
        'an account token is verified at /accounts/{its account id}/tokens/verify, and no account it may list verifies it',
      scope: null,
    };
  }
  const v = verify.result as { id?: unknown; status?: unknown; expires_on?: unknown };
  const tokenId = str(v.id, 'result.id');
  const status = str(v.status, 'result.status');
  const expiresAt = typeof v.expires_on === 'string' ? v.expires_on : null;
  if (status !== 'active') {
    return { verification: 'invalid', reason: `Cloudflare knows it, but its status is "${status}"`, scope: null };
  }

  // Its own policies, when it may read them (API Tokens Read): the only source of write rights.
  const detail = await get(
    ctx,
    credential,
    kind === 'user'
      ? `/user/tokens/${encodeURIComponent(tokenId)}`
      : `/accounts/${encodeURIComponent(verifiedAt!)}/tokens/${encodeURIComponent(tokenId)}`,
  );
  const policies: Policy[] | undefined = detail.ok
    ? readPolicies((detail.result as { policies?: unknown }).policies)
    : undefined;
  if (!detail.ok) {
    unknowns.push({
      what: 'policies',
      reason: `Cloudflare shows a token's policies only to a token with API Tokens Read (${detail.message}): which zones and accounts it may write or delete cannot be learned without a write, which tokenscope never sends`,
    });
  }
  if (!accountsListed.ok)
    unknowns.push({ what: 'accounts', reason: `Cloudflare refused to list accounts: ${accountsListed.message}` });

  const zones: CfZone[] = [];
  const zl = await list(ctx, credential, '/zones');
  if (zl.ok) {
    if (zl.truncated) complete = false;
    for (const [i, z] of zl.items.entries()) {
      const account = (z.account ?? {}) as { id?: unknown; name?: unknown };
      const zone: CfZone = {
        id: str(z.id, `zones[${i}].id`),
        name: str(z.name, `zones[${i}].name`),
        account: typeof account.name === 'string' ? account.name : '',
        accountId: typeof account.id === 'string' ? account.id : '',
        production: z.status === 'active' || isProductionName(String(z.name), ctx.policy),
      };
      if (policies) {
        zone.can = {
          dnsWrite: mayOnZone(policies, PERMISSION.dnsWrite, zone.id, zone.accountId),
          zoneWrite: mayOnZone(policies, PERMISSION.zoneWrite, zone.id, zone.accountId),
        };
      }
      zones.push(zone);
    }
  } else {
    unknowns.push({ what: 'zones', reason: `Cloudflare refused to list zones: ${zl.message}` });
  }

  const resources: CfAccountResource[] = [];
  const listings = [
    { type: 'worker', path: 'workers/scripts', pick: undefined, write: PERMISSION.workersWrite, name: 'id' },
    {
      type: 'r2',
      path: 'r2/buckets',
      pick: (r: unknown) => (r as { buckets?: unknown[] } | null)?.buckets ?? [],
      write: PERMISSION.r2Write,
      name: 'name',
    },
    { type: 'd1', path: 'd1/database', pick: undefined, write: PERMISSION.d1Write, name: 'name' },
  ] as const;
  for (const a of accounts) {
    for (const l of listings) {
      const got = await list(ctx, credential, `/accounts/${encodeURIComponent(a.id)}/${l.path}`, l.pick);
      if (!got.ok) continue; // a 403 here only says it may not read them
      if (got.truncated) complete = false;
      for (const [i, x] of got.items.entries()) {
        const name = str(x[l.name], `${l.path}[${i}].${l.name}`);
        resources.push({
          type: l.type,
          name,
          account: a.name,
          production: isProductionName(name, ctx.policy),
          ...(policies ? { write: mayOnAccount(policies, l.write, a.id) } : {}),
        });
      }
    }
  }

  const identity = kind === 'user' ? await userEmail(ctx, credential) : null;
  const facts: CfFacts = {
    kind,
    tokenId,
    status,
    expiresAt,
    identity,
    accounts,
    zones,
    resources,
    policiesRead: policies !== undefined,
    allZones: policies ? coversAllZones(policies) : false,
    mintsTokens: policies ? mintsTokens(policies) : false,
    complete,
  };
  const partial = complete ? '' : ' (reach only partly mapped: see unknowns)';
  return {
    verification: 'verified',
    reason: `Cloudflare accepts it as an active ${kind === 'user' ? 'user' : 'account'} API token${partial}`,
    scope: buildScope(facts, policies, unknowns),
  };
}

/** The token's user, when it may read it (User Details Read); nothing otherwise. */
async function userEmail(ctx: InspectContext, credential: Credential): Promise<string | null> {
  const u = await get(ctx, credential, '/user');
  if (!u.ok) return null;
  const email = (u.result as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : null;
}

/** A Global API Key is its user: `/user` says who, and it may do everything that user may. */
async function inspectGlobalKey(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const u = await get(ctx, credential, '/user');
  if (!u.ok) return { verification: 'invalid', reason: `Cloudflare rejects it: ${u.message}`, scope: null };
  const email = (u.result as { email?: unknown } | null)?.email;
  return {
    verification: 'verified',
    reason: 'Cloudflare accepts it as a Global API Key: every permission of its user, on every account and zone',
    scope: {
      identity: typeof email === 'string' ? `user ${email}` : null,
      tokenType: 'Global API Key',
      permissions: ['everything its user may do'],
      capabilities: [{ action: 'admin', resource: 'every account and zone of its user' }],
      reach: {},
      expiresAt: null,
      unknowns: [],
    },
  };
}
