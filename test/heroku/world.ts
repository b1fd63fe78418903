import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { type DoubleToken, type DoubleWorld, HerokuDouble } from './double.js';
import { herokuLegacyKey, herokuToken } from './tokens.js';

/**
 * The Heroku the tests talk to: user ops@acme.example administers team "acme", whose "shop-api"
 * sits at the production stage of its pipeline with a Heroku Postgres database and a Redis, and
 * whose "shop-api-staging" sits at staging; the user is a plain member of team "partners"
 * ("partner-portal", production); three personal hobby apps, and an app of someone else's the user
 * collaborates on. Pages of two items make every list span ranges.
 */
export const TOKENS = [
  'global',
  'legacyKey',
  'read',
  'identity',
  'revoked',
  'limitOnce',
  'hangHalfway',
  'rateLimited',
  'rateLimitedLong',
  'serverError',
  'echo',
  'malformed',
  'nonsense',
  'hang',
] as const;
export type TokenName = (typeof TOKENS)[number];

export interface TestWorld {
  world: DoubleWorld;
  tokens: Record<TokenName, string>;
}

const PLANS: Record<TokenName, DoubleToken> = {
  global: { kind: 'live', scope: 'global' },
  legacyKey: { kind: 'live', scope: 'global', scopeHeader: false },
  read: { kind: 'live', scope: 'read' },
  identity: { kind: 'live', scope: 'identity' },
  revoked: { kind: 'revoked' },
  limitOnce: { kind: 'live', scope: 'read', limitOnce: true },
  hangHalfway: { kind: 'live', scope: 'global', hangOn: '/addons' },
  rateLimited: { kind: 'rate-limited', retryAfter: '0' },
  rateLimitedLong: { kind: 'rate-limited', retryAfter: '3600' },
  serverError: { kind: 'server-error' },
  echo: { kind: 'echo' },
  malformed: { kind: 'malformed' },
  nonsense: { kind: 'nonsense' },
  hang: { kind: 'hang' },
};

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
