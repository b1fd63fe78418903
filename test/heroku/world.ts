import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleWorld, HerokuDouble, type HerokuPlan } from './double.js';
import { herokuLegacyKey, herokuToken } from './tokens.js';

/**
 * The Heroku the tests talk to: user ops@acme.example administers team "acme", whose "shop-api"
 * sits at the production stage of its pipeline with a Heroku Postgres database and a Redis, and
 * whose "shop-api-staging" sits at staging; the user is a plain member of team "partners"
 * ("partner-portal", production); three personal hobby apps, and an app of someone else's the user
 * collaborates on. Pages of two items make every list span ranges.
 */

export interface TestWorld {
  world: DoubleWorld;
  tokens: Record<TokenName, string>;
}

const PLANS = {
  global: { kind: 'live', scope: 'global' },
  legacyKey: { kind: 'live', scope: 'global', scopeHeader: false },
  read: { kind: 'live', scope: 'read' },
  identity: { kind: 'live', scope: 'identity' },
  limitOnce: { kind: 'live', scope: 'read', limitOnce: true },
  hangHalfway: { kind: 'live', scope: 'global', hangOn: '/addons' },
  ...FAULT_PLANS,
} satisfies Record<string, HerokuPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

const id = (n: number) => `0000000${n}-0000-4000-8000-000000000000`;
const ME = 'ops@acme.example';

export function testWorld(): TestWorld {
  const tokens = Object.fromEntries(
    TOKENS.map((n) => [n, n === 'legacyKey' ? herokuLegacyKey() : herokuToken()]),
  ) as Record<TokenName, string>;
  const world: DoubleWorld = {
    user: { id: '11111111-1111-4111-8111-111111111111', email: ME },
    teams: [
      { id: '22222222-2222-4222-8222-222222222221', name: 'acme', role: 'admin' },
      { id: '22222222-2222-4222-8222-222222222222', name: 'partners', role: 'member' },
    ],
    apps: [
      { id: id(1), name: 'shop-api', team: 'acme', ownerEmail: 'acme@herokumanager.com', stage: 'production' },
      { id: id(2), name: 'shop-api-staging', team: 'acme', ownerEmail: 'acme@herokumanager.com', stage: 'staging' },
      {
        id: id(3),
        name: 'partner-portal',
        team: 'partners',
        ownerEmail: 'partners@herokumanager.com',
        stage: 'production',
      },
      { id: id(4), name: 'hobby-1', ownerEmail: ME },
      { id: id(5), name: 'hobby-2', ownerEmail: ME },
      { id: id(6), name: 'hobby-3', ownerEmail: ME },
      { id: id(7), name: 'friends-blog', ownerEmail: 'friend@example.org' },
    ],
    addons: [
      {
        id: id(11),
        name: 'postgresql-shaped-12345',
        service: 'heroku-postgresql',
        plan: 'standard-0',
        app: 'shop-api',
      },
      { id: id(12), name: 'redis-curved-67890', service: 'heroku-redis', plan: 'premium-0', app: 'shop-api' },
      {
        id: id(13),
        name: 'postgresql-flat-24680',
        service: 'heroku-postgresql',
        plan: 'essential-0',
        app: 'shop-api-staging',
      },
      { id: id(14), name: 'papertrail-round-13579', service: 'papertrail', plan: 'choklad', app: 'shop-api-staging' },
      {
        id: id(15),
        name: 'postgresql-tall-11111',
        service: 'heroku-postgresql',
        plan: 'standard-2',
        app: 'partner-portal',
      },
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
    maxPageSize: 2,
  };
  return { world, tokens };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startHeroku(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new HerokuDouble(world), tokens);
}
