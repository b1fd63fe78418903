import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleWorld, VercelDouble, type VercelPlan } from './double.js';
import { vercelToken } from './tokens.js';

/**
 * The Vercel the tests talk to: user "ops" owns team "acme", whose project "storefront" serves
 * production at shop.acme.example (DNS at Vercel) and whose "storefront-staging" has no
 * production deployment; the user is a Viewer of team "partners" (two projects). The personal
 * account holds five hobby projects. Pages of two items make every listing span pages.
 */

export interface TestWorld {
  world: DoubleWorld;
  tokens: Record<TokenName, string>;
}

export const EXPIRES_AT = Date.UTC(2027, 0, 31);

const PLANS = {
  account: { kind: 'live', name: 'laptop', scope: 'account' },
  acmeOnly: { kind: 'live', name: 'acme ci', scope: ['team_acme'] },
  partnersOnly: { kind: 'live', name: 'partners read', scope: ['team_partners'], expiresAt: EXPIRES_AT },
  expiring: { kind: 'live', name: 'short', scope: ['team_acme'], expiresAt: EXPIRES_AT },
  limitOnce: { kind: 'live', name: 'busy', scope: ['team_partners'], limitOnce: true },
  hangHalfway: { kind: 'live', name: 'slow', scope: 'account', hangOn: '/v5/domains' },
  refresh: { kind: 'live', name: 'never asked', scope: 'account' },
  ...FAULT_PLANS,
} satisfies Record<string, VercelPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): TestWorld {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, vercelToken(n === 'refresh' ? 'vcr' : 'vcp')])) as Record<
    TokenName,
    string
  >;
  const world: DoubleWorld = {
    user: { id: 'user_ops', email: 'ops@acme.example', username: 'ops' },
    teams: [
      { id: 'team_acme', slug: 'acme', name: 'Acme', role: 'OWNER' },
      { id: 'team_partners', slug: 'partners', name: 'Partners', role: 'VIEWER' },
    ],
    projects: [
      {
        id: 'prj_store',
        name: 'storefront',
        teamId: 'team_acme',
        production: ['shop.acme.example', 'storefront-acme.vercel.app'],
      },
      { id: 'prj_store_stg', name: 'storefront-staging', teamId: 'team_acme' },
      { id: 'prj_docs', name: 'docs', teamId: 'team_acme', production: ['docs-acme.vercel.app'] },
      { id: 'prj_p1', name: 'partner-portal', teamId: 'team_partners', production: ['portal.partners.example'] },
      { id: 'prj_p2', name: 'partner-sandbox', teamId: 'team_partners' },
      ...[1, 2, 3, 4, 5].map((i) => ({ id: `prj_h${i}`, name: `hobby-${i}` })),
    ],
    domains: [
      { name: 'acme.example', teamId: 'team_acme', serviceType: 'zeit.world' },
      { name: 'acme-old.example', teamId: 'team_acme', serviceType: 'external' },
      { name: 'partners.example', teamId: 'team_partners', serviceType: 'zeit.world' },
      { name: 'ops-hobby.example', serviceType: 'zeit.world' },
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
    maxPageSize: 2,
  };
  return { world, tokens };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startVercel(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new VercelDouble(world), tokens);
}
