import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FlyDouble, type DoubleApp, type DoubleOrg, type DoubleToken, type FlyWorld } from './double.js';
import { deployToken, expiredToken, orgToken, userToken } from './tokens.js';

const app = (numericId: number, name: string, extra: Partial<DoubleApp> = {}): DoubleApp => ({
  id: name,
  numericId,
  name,
  status: 'deployed',
  postgres: false,
  machines: 2,
  volumes: [],
  ...extra,
});

/** An organization with a production web app, its Postgres cluster and volume, and a staging app. */
export const ACME_ID = 4242;
export const STAGING_APP_ID = 903;

export function flyOrgs(): DoubleOrg[] {
  return [
    {
      id: 'org_personal',
      numericId: 1001,
      slug: 'personal',
      name: 'Dana Example',
      type: 'PERSONAL',
      apps: [app(11, 'scratchpad')],
    },
    {
      id: 'org_acme',
      numericId: ACME_ID,
      slug: 'acme',
      name: 'Acme Inc',
      type: 'SHARED',
      apps: [
        app(901, 'acme-web-production', { machines: 3 }),
        app(902, 'acme-db-production', {
          postgres: true,
          volumes: [{ id: 'vol_pg1', name: 'pg_data', sizeGb: 40, region: 'fra' }],
        }),
        app(STAGING_APP_ID, 'acme-web-staging'),
        app(904, 'acme-worker-staging', { status: 'suspended', machines: 0 }),
        app(905, 'acme-docs', { machines: 1 }),
      ],
    },
  ];
}

export const TOKEN_NAMES = [
  'user',
  'org',
  'deploy',
  'readonly',
  'expired',
  'revoked',
  'userLimitedOnce',
  'rateLimited',
  'rateLimitedLong',
  'serverError',
  'echo',
  'malformed',
  'nonsense',
  'hang',
] as const;
export type TokenName = (typeof TOKEN_NAMES)[number];

export interface TestWorld {
  world: FlyWorld;
  tokens: Record<TokenName, string>;
}

export function testWorld(): TestWorld {
  const tokens: Record<TokenName, string> = {
    user: userToken(),
    org: orgToken(ACME_ID),
    deploy: deployToken(ACME_ID, STAGING_APP_ID),
    readonly: orgToken(ACME_ID, 'r'),
    expired: expiredToken(ACME_ID),
    revoked: userToken(),
    userLimitedOnce: userToken(),
    rateLimited: userToken(),
    rateLimitedLong: userToken(),
    serverError: userToken(),
    echo: userToken(),
    malformed: userToken(),
    nonsense: userToken(),
    hang: userToken(),
  };
  const user: DoubleToken & { kind: 'user' } = {
    kind: 'user',
    email: 'dana@example.com',
    orgSlugs: ['personal', 'acme'],
    role: 'admin',
  };
  const map = new Map<string, DoubleToken>([
    [tokens.user, user],
    [tokens.org, { kind: 'macaroon', orgSlug: 'acme' }],
    [tokens.deploy, { kind: 'macaroon', orgSlug: 'acme', appNames: ['acme-web-staging'] }],
    [tokens.readonly, { kind: 'macaroon', orgSlug: 'acme' }],
    [tokens.revoked, { kind: 'revoked' }],
    [tokens.userLimitedOnce, { ...user, limitOnce: true }],
    [tokens.rateLimited, { kind: 'rate-limited', retryAfter: '0' }],
    [tokens.rateLimitedLong, { kind: 'rate-limited', retryAfter: '3600' }],
    [tokens.serverError, { kind: 'server-error' }],
    [tokens.echo, { kind: 'echo' }],
    [tokens.malformed, { kind: 'malformed' }],
    [tokens.nonsense, { kind: 'nonsense' }],
    [tokens.hang, { kind: 'hang' }],
  ]);
  return { world: { orgs: flyOrgs(), tokens: map, maxPageSize: 2 }, tokens };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startFlyio(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new FlyDouble(world), tokens);
}
