import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { CfDouble, type CfToken, type CfWorld } from './double.js';
import { cfId, cfToken } from './tokens.js';

export const ACME = cfId();
export const ZONE_LIVE = cfId();
export const ZONE_PREVIEW = cfId();
export const WORKER_SECRET = 'worker-secret-do-not-print-9f2c';

export const TOKEN_NAMES = [
  'wide',
  'narrow',
  'noPolicies',
  'account',
  'expired',
  'revoked',
  'global',
  'rateLimited',
  'serverError',
  'malformed',
  'nonsense',
  'hang',
] as const;
export type TokenName = (typeof TOKEN_NAMES)[number];

/** One account with a live zone, a pending preview zone, a production Worker, R2 bucket and D1 database. */
export function testWorld(): { world: CfWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(
    TOKEN_NAMES.map((n) => [n, cfToken(n === 'account' ? 'cfat' : n === 'global' ? 'cfk' : 'cfut')]),
  ) as Record<TokenName, string>;
  const all = [ZONE_LIVE, ZONE_PREVIEW];
  const kinds: Record<TokenName, CfToken> = {
    // "Edit zone DNS" grown wide: every zone of every account, zone and D1 writes, and token minting.
    wide: {
      kind: 'user',
      id: cfId(),
      status: 'active',
      readsPolicies: true,
      zones: all,
      email: 'ops@acme.example',
      policies: [
        {
          effect: 'allow',
          resources: { 'com.cloudflare.api.account.*': '*' },
          permissions: ['DNS Write', 'Zone Write', 'D1 Write', 'Zone Read'],
        },
        {
          effect: 'allow',
          resources: { 'com.cloudflare.api.user.u1': '*' },
          permissions: ['API Tokens Read', 'API Tokens Write'],
        },
      ],
    },
    // The right shape: DNS of one zone, with a TTL.
    narrow: {
      kind: 'user',
      id: cfId(),
      status: 'active',
      expiresOn: '2027-01-01T00:00:00Z',
      readsPolicies: true,
      zones: [ZONE_PREVIEW],
      policies: [
        {
          effect: 'allow',
          resources: { [`com.cloudflare.api.account.zone.${ZONE_PREVIEW}`]: '*' },
          permissions: ['DNS Write'],
        },
        { effect: 'allow', resources: { 'com.cloudflare.api.user.u1': '*' }, permissions: ['API Tokens Read'] },
      ],
    },
    noPolicies: { kind: 'user', id: cfId(), status: 'active', readsPolicies: false, zones: [ZONE_LIVE], policies: [] },
    account: {
      kind: 'account',
      id: cfId(),
      accountId: ACME,
      status: 'active',
      readsPolicies: true,
      zones: [ZONE_LIVE],
      policies: [
        {
          effect: 'allow',
          resources: { [`com.cloudflare.api.account.${ACME}`]: '*' },
          permissions: ['Workers Scripts Write', 'Workers R2 Storage Write', 'Account API Tokens Read'],
        },
      ],
    },
    expired: { kind: 'user', id: cfId(), status: 'expired', readsPolicies: false, zones: [], policies: [] },
    revoked: { kind: 'rate-limited', retryAfter: '0' },
    global: { kind: 'global', email: 'ops@acme.example' },
    rateLimited: { kind: 'rate-limited', retryAfter: '0' },
    serverError: { kind: 'server-error' },
    malformed: { kind: 'malformed' },
    nonsense: { kind: 'nonsense' },
    hang: { kind: 'hang' },
  };
  const map = new Map(TOKEN_NAMES.map((n) => [tokens[n], kinds[n]]));
  map.delete(tokens.revoked); // unknown to Cloudflare: a revoked token
  return {
    tokens,
    world: {
      accounts: [{ id: ACME, name: 'Acme' }],
      zones: [
        { id: ZONE_LIVE, name: 'acme.com', status: 'active', accountId: ACME },
        { id: ZONE_PREVIEW, name: 'acme-preview.dev', status: 'pending', accountId: ACME },
      ],
      workers: [
        { accountId: ACME, name: 'api-production', secret: WORKER_SECRET },
        { accountId: ACME, name: 'preview-worker', secret: WORKER_SECRET },
      ],
      buckets: [{ accountId: ACME, name: 'assets-production' }],
      d1: [{ accountId: ACME, uuid: cfId(), name: 'orders-production' }],
      tokens: map,
      maxPageSize: 1,
    },
  };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startCloudflare(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new CfDouble(world), tokens);
}
