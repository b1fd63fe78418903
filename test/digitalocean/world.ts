import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { DoDouble, type DoToken, type DoWorld } from './double.js';
import { doToken } from './tokens.js';

export const PROD_DB = '9cc10173-e9ea-4176-9dbc-a4cee4c4ff30';
export const DB_PASSWORD = 'AVNS_k3Jd9sQx0pLw7TzR4mYb';

export const TOKEN_NAMES = [
  'full',
  'oauth',
  'dnsOnly',
  'revoked',
  'refresh',
  'rateLimited',
  'serverError',
  'malformed',
  'nonsense',
  'hang',
] as const;
export type TokenName = (typeof TOKEN_NAMES)[number];

/** A team with a Production project (a Droplet, its volume, a database cluster, a domain), a Staging one, and the default. */
export function testWorld(): { world: DoWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(
    TOKEN_NAMES.map((n) => [n, doToken(n === 'oauth' ? 'doo' : n === 'refresh' ? 'dor' : 'dop')]),
  ) as Record<TokenName, string>;
  const kinds: Record<TokenName, DoToken> = {
    full: { kind: 'full' },
    oauth: { kind: 'full' },
    dnsOnly: { kind: 'custom', reads: ['domains'] },
    revoked: { kind: 'revoked' },
    refresh: { kind: 'full' },
    rateLimited: { kind: 'rate-limited', retryAfter: '0' },
    serverError: { kind: 'server-error' },
    malformed: { kind: 'malformed' },
    nonsense: { kind: 'nonsense' },
    hang: { kind: 'hang' },
  };
  return {
    tokens,
    world: {
      account: {
        email: 'ops@acme.example',
        uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef',
        team: { uuid: '5df3e3004a17e242b7c20ca6b9fc25b701a47ece', name: 'Acme' },
      },
      projects: [
        {
          id: '4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679',
          name: 'storefront',
          environment: 'Production',
          isDefault: false,
          resources: [
            'do:droplet:101',
            'do:volume:506f78a4-e098-11e5-ad9f-000f53306ae1',
            `do:dbaas:${PROD_DB}`,
            'do:domain:acme.example',
          ],
        },
        {
          id: '7d1f3e2a-8b4c-4f6d-9e0a-1c2b3d4e5f60',
          name: 'storefront-staging',
          environment: 'Staging',
          isDefault: false,
          resources: ['do:droplet:102'],
        },
        {
          id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
          name: 'First Project',
          environment: 'Development',
          isDefault: true,
          resources: ['do:droplet:103'],
        },
      ],
      droplets: [
        { id: 101, name: 'web-1' },
        { id: 102, name: 'staging-web' },
        { id: 103, name: 'scratch' },
      ],
      volumes: [{ id: '506f78a4-e098-11e5-ad9f-000f53306ae1', name: 'pg-data', sizeGigabytes: 100 }],
      domains: ['acme.example'],
      databases: [{ id: PROD_DB, name: 'storefront-db', password: DB_PASSWORD }],
      tokens: new Map(TOKEN_NAMES.map((n) => [tokens[n], kinds[n]])),
      maxPageSize: 2,
    },
  };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startDigitalOcean(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new DoDouble(world), tokens);
}
