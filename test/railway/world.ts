import { randomUUID } from 'node:crypto';
import { domainsAccountToken } from '../../src/demo/world.js';
import type { DoubleProject, DoubleToken, DoubleWorld } from './double.js';

/**
 * The Railway the tests talk to: a team workspace with the incident's project ("pocketos":
 * production and staging, a postgres-data volume in each) and a marketing site whose only
 * environment is the base one; a side workspace of five hobby projects with only a "dev"
 * environment. Pages of two items make every connection span pages.
 */
export const TOKENS = [
  'account',
  'workspace',
  'projectStaging',
  'projectProduction',
  'twoFactor',
  'limitOnce',
  'sideTwoFactor',
  'hangHalfway',
  'rateLimited',
  'rateLimitedLong',
  'echo',
  'malformed',
  'nonsense',
  'hang',
] as const;
export type TokenName = (typeof TOKENS)[number];

export interface TestWorld {
  world: DoubleWorld;
  /** Fresh UUIDs, one per token kind. */
  tokens: Record<TokenName, string>;
}

const POCKETOS_PROD = 'env-pocketos-production';
const POCKETOS_STAGING = 'env-pocketos-staging';

const pocketos: DoubleProject = {
  id: 'prj-pocketos',
  name: 'pocketos',
  workspaceId: 'ws-pocket',
  baseEnvironmentId: POCKETOS_PROD,
  primaryEnvironmentId: null,
  environments: [
    {
      id: POCKETOS_PROD,
      name: 'production',
      volumes: [
        {
          id: 'vi-pg-prod',
          volume: { id: 'vol-pg', name: 'postgres-data' },
          mountPath: '/var/lib/postgresql/data',
          sizeMB: 50000,
          currentSizeMB: 12345.6,
          serviceId: 'svc-postgres',
        },
        {
          id: 'vi-redis-prod',
          volume: { id: 'vol-redis', name: 'redis-data' },
          mountPath: '/data',
          sizeMB: 5000,
          currentSizeMB: 100,
          serviceId: 'svc-redis',
        },
        {
          id: 'vi-uploads-prod',
          volume: { id: 'vol-uploads', name: 'uploads-cache' },
          mountPath: '/app/uploads',
          sizeMB: 5000,
          currentSizeMB: 0,
          serviceId: null,
        },
      ],
    },
    {
      id: POCKETOS_STAGING,
      name: 'staging',
      volumes: [
        {
          id: 'vi-pg-staging',
          volume: { id: 'vol-pg', name: 'postgres-data' },
          mountPath: '/var/lib/postgresql/data',
          sizeMB: 5000,
          currentSizeMB: 200,
          serviceId: 'svc-postgres',
        },
      ],
    },
    { id: 'env-pocketos-pr-12', name: 'pr-12', volumes: [] },
  ],
  services: [
    { id: 'svc-api', name: 'api' },
    { id: 'svc-postgres', name: 'postgres' },
    { id: 'svc-redis', name: 'redis' },
  ],
  buckets: [{ id: 'bkt-media', name: 'media' }],
};

const marketing: DoubleProject = {
  id: 'prj-marketing',
  name: 'marketing-site',
  workspaceId: 'ws-pocket',
  baseEnvironmentId: 'env-marketing-main',
  primaryEnvironmentId: null,
  environments: [{ id: 'env-marketing-main', name: 'main', volumes: [] }],
  services: [{ id: 'svc-web', name: 'web' }],
  buckets: [],
};

const hobby = (n: number): DoubleProject => ({
  id: `prj-hobby-${n}`,
  name: `hobby-${n}`,
  workspaceId: 'ws-side',
  baseEnvironmentId: null,
  primaryEnvironmentId: null,
  environments: [{ id: `env-hobby-${n}-dev`, name: 'dev', volumes: [] }],
  services: [{ id: `svc-hobby-${n}`, name: 'app' }],
  buckets: [],
});

export function testWorld(): TestWorld {
  const tokens = Object.fromEntries(TOKENS.map((t) => [t, randomUUID()])) as Record<TokenName, string>;
  const account: DoubleToken = {
    kind: 'account',
    user: { id: 'user-1', email: 'ops@pocket.example' },
    workspaceIds: ['ws-pocket', 'ws-side'],
    apiTokens: [
      { id: 'tok-1', name: 'laptop', expiresAt: null },
      { id: 'tok-2', name: 'domains', expiresAt: null },
    ],
  };
  const kinds: Record<TokenName, DoubleToken> = {
    account,
    workspace: { kind: 'workspace', workspaceId: 'ws-side' },
    projectStaging: { kind: 'project', projectId: pocketos.id, environmentId: POCKETOS_STAGING },
    projectProduction: { kind: 'project', projectId: pocketos.id, environmentId: POCKETOS_PROD },
    twoFactor: { kind: 'two-factor' },
    limitOnce: { ...account, limitOnce: true },
    sideTwoFactor: { ...account, twoFactorRequiredBy: ['ws-side'] },
    hangHalfway: { ...account, hangOn: 'RailwayProjectEnvironments' },
    rateLimited: { kind: 'rate-limited', retryAfter: '0' },
    rateLimitedLong: { kind: 'rate-limited', retryAfter: '3600' },
    echo: { kind: 'echo' },
    malformed: { kind: 'malformed' },
    nonsense: { kind: 'nonsense' },
    hang: { kind: 'hang' },
  };
  return {
    tokens,
    world: {
      workspaces: [
        { id: 'ws-pocket', name: 'Pocket Works' },
        { id: 'ws-side', name: 'Side Projects' },
      ],
      projects: [pocketos, marketing, ...[1, 2, 3, 4, 5].map(hobby)],
      tokens: new Map(TOKENS.map((t) => [tokens[t], kinds[t]])),
      maxPageSize: 2,
    },
  };
}

/** The incident's Railway: one account token, one project, production only. */
export function incidentWorld(token: string): DoubleWorld {
  return {
    workspaces: [{ id: 'ws-pocket', name: 'Pocket Works' }],
    projects: [{ ...pocketos, environments: [pocketos.environments[0]!] }],
    tokens: new Map([[token, domainsAccountToken()]]),
    maxPageSize: 2,
  };
}
