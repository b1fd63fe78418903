import type { DoubleToken, DoubleWorld } from './railway-double.js';

/** The incident's token: an account token of the workspace's owner, named "domains" in the dashboard. */
export function domainsAccountToken(): DoubleToken {
  return {
    kind: 'account',
    user: { id: 'user-1', email: 'ops@pocket.example' },
    workspaceIds: ['ws-pocket'],
    apiTokens: [{ id: 'tok-1', name: 'domains', expiresAt: null }],
  };
}

/**
 * The incident's Railway, as the demo replays it: one workspace, the "pocketos" project with a
 * production and a staging environment, a postgres-data volume in each, and one account token that
 * its owner named "domains".
 */
export function demoWorld(token: string): DoubleWorld {
  const volume = (env: string, sizeMB: number, currentSizeMB: number) => ({
    id: `vi-pg-${env}`,
    volume: { id: 'vol-pg', name: 'postgres-data' },
    mountPath: '/var/lib/postgresql/data',
    sizeMB,
    currentSizeMB,
    serviceId: 'svc-postgres',
  });
  return {
    workspaces: [{ id: 'ws-pocket', name: 'Pocket Works' }],
    projects: [
      {
        id: 'prj-pocketos',
        name: 'pocketos',
        workspaceId: 'ws-pocket',
        baseEnvironmentId: 'env-production',
        primaryEnvironmentId: null,
        environments: [
          { id: 'env-production', name: 'production', volumes: [volume('production', 50000, 12345.6)] },
          { id: 'env-staging', name: 'staging', volumes: [volume('staging', 5000, 200)] },
        ],
        services: [
          { id: 'svc-api', name: 'api' },
          { id: 'svc-postgres', name: 'postgres' },
        ],
        buckets: [],
      },
    ],
    tokens: new Map([[token, domainsAccountToken()]]),
    maxPageSize: 50,
  };
}
