import { randomInt } from 'node:crypto';
import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan, type LivePlan } from '../helpers/rest-double.js';
import { type DoubleWorld, RenderDouble } from './double.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh Render-shaped API key (rnd_ and 32 alphanumerics, the scanners' shape), known to nobody. */
export function renderKey(): string {
  return `rnd_${Array.from({ length: 32 }, () => ALNUM[randomInt(ALNUM.length)]).join('')}`;
}

/**
 * The Render the tests talk to: user ops@acme.example is an Admin of workspace "Acme", whose
 * project "shop" has a protected "production" environment (service shop-api with a disk, Postgres
 * shop-db, Key Value shop-cache) and an unprotected "staging" one; a Developer of "Partners",
 * whose protected production holds portal-web and portal-db; three hobby services of its own.
 * Pages of two.
 */

const PLANS = {
  key: { kind: 'live' },
  limitOnce: { kind: 'live', limitOnce: true },
  hangHalfway: { kind: 'live', hangOn: '/disks' },
  ...FAULT_PLANS,
} satisfies Record<string, LivePlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, renderKey()])) as Record<TokenName, string>;
  const world: DoubleWorld = {
    user: { email: 'ops@acme.example', name: 'Ops' },
    owners: [
      { id: 'usr-ops', name: 'Ops', type: 'user' },
      { id: 'tea-acme', name: 'Acme', type: 'team', role: 'ADMIN' },
      { id: 'tea-partners', name: 'Partners', type: 'team', role: 'DEVELOPER' },
    ],
    projects: [
      {
        id: 'prj-shop',
        name: 'shop',
        ownerId: 'tea-acme',
        environments: [
          { id: 'evm-shop-prod', name: 'production', protected: true },
          { id: 'evm-shop-stg', name: 'staging', protected: false },
        ],
      },
      {
        id: 'prj-portal',
        name: 'portal',
        ownerId: 'tea-partners',
        environments: [{ id: 'evm-portal-prod', name: 'production', protected: true }],
      },
    ],
    resources: [
      { kind: 'service', id: 'srv-shop-api', name: 'shop-api', ownerId: 'tea-acme', environmentId: 'evm-shop-prod' },
      {
        kind: 'service',
        id: 'srv-shop-stg',
        name: 'shop-api-staging',
        ownerId: 'tea-acme',
        environmentId: 'evm-shop-stg',
      },
      { kind: 'postgres', id: 'dpg-shop-db', name: 'shop-db', ownerId: 'tea-acme', environmentId: 'evm-shop-prod' },
      {
        kind: 'postgres',
        id: 'dpg-shop-stg',
        name: 'shop-db-staging',
        ownerId: 'tea-acme',
        environmentId: 'evm-shop-stg',
      },
      {
        kind: 'keyValue',
        id: 'red-shop-cache',
        name: 'shop-cache',
        ownerId: 'tea-acme',
        environmentId: 'evm-shop-prod',
      },
      { kind: 'disk', id: 'dsk-uploads', name: 'uploads', ownerId: 'tea-acme', serviceId: 'srv-shop-api' },
      {
        kind: 'service',
        id: 'srv-portal',
        name: 'portal-web',
        ownerId: 'tea-partners',
        environmentId: 'evm-portal-prod',
      },
      {
        kind: 'postgres',
        id: 'dpg-portal',
        name: 'portal-db',
        ownerId: 'tea-partners',
        environmentId: 'evm-portal-prod',
      },
      ...[1, 2, 3].map((i) => ({
        kind: 'service' as const,
        id: `srv-hobby-${i}`,
        name: `hobby-${i}`,
        ownerId: 'usr-ops',
      })),
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
    maxPageSize: 2,
  };
  return { world, tokens };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startRender(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new RenderDouble(world), tokens);
}
