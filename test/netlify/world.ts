import { randomInt } from 'node:crypto';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { type DoubleWorld, NetlifyDouble, type NetlifyPlan } from './double.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh Netlify-shaped token (prefix and 36 characters: 40 in all), known to nobody. */
export function netlifyToken(prefix: 'nfp' | 'nfo' | 'nfc' | 'nfu' | 'nfb' = 'nfp'): string {
  return `${prefix}_${Array.from({ length: 36 }, () => ALNUM[randomInt(ALNUM.length)]).join('')}`;
}

/**
 * The Netlify the tests talk to: user ops@acme.example owns team "acme", whose zone acme.example
 * serves the shop site and whose acme-staging.example serves nothing; the user is a Developer in
 * team "partners" (partners.example serves a site) and a Reviewer in "auditors". Pages of two.
 */

const PLANS = {
  personal: { kind: 'live' },
  limitOnce: { kind: 'live', limitOnce: true },
  hangHalfway: { kind: 'live', hangOn: '/dns_zones' },
  ...FAULT_PLANS,
} satisfies Record<string, NetlifyPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

const ME = { id: '5f1a0000aaaa', email: 'ops@acme.example' };

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, netlifyToken()])) as Record<TokenName, string>;
  const world: DoubleWorld = {
    user: { ...ME, siteCount: 6 },
    teams: [
      { id: 'acc-acme', slug: 'acme', name: 'Acme', ownerIds: [ME.id], members: [{ ...ME, role: 'Owner' }] },
      {
        id: 'acc-partners',
        slug: 'partners',
        name: 'Partners',
        ownerIds: ['5f1a0000bbbb'],
        members: [
          { id: '5f1a0000bbbb', email: 'boss@partners.example', role: 'Owner' },
          { ...ME, role: 'Developer' },
        ],
      },
      {
        id: 'acc-auditors',
        slug: 'auditors',
        name: 'Auditors',
        ownerIds: ['5f1a0000cccc'],
        members: [{ ...ME, role: 'Reviewer' }],
      },
    ],
    zones: [
      { id: 'z1', name: 'acme.example', accountSlug: 'acme', siteId: 'site-shop' },
      { id: 'z2', name: 'acme-staging.example', accountSlug: 'acme' },
      { id: 'z3', name: 'partners.example', accountSlug: 'partners', siteId: 'site-portal' },
      { id: 'z4', name: 'audit.example', accountSlug: 'auditors', siteId: 'site-audit' },
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
    maxPageSize: 2,
  };
  return { world, tokens };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startNetlify(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new NetlifyDouble(world), tokens);
}
