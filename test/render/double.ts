import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Render API below /v1, modelled on the fact sheet and Render's generated client (no
 * published description is at hand): lists as `[{ <kind>: {...}, cursor }]`, the next page asked
 * with `cursor=`, an empty page at the end; errors as `{ id, message }`; environments with
 * `protectedStatus`. Every item carries an id; a page is never larger than `maxPageSize`.
 */
export interface DoubleOwner {
  id: string;
  name: string;
  type: 'user' | 'team';
  /** The double's user's role in it (teams). */
  role?: string;
}

export interface DoubleEnvironment {
  id: string;
  name: string;
  protected: boolean;
}

export interface DoubleProject {
  id: string;
  name: string;
  ownerId: string;
  environments: DoubleEnvironment[];
}

export interface DoubleResource {
  kind: 'service' | 'postgres' | 'keyValue' | 'disk';
  id: string;
  name: string;
  ownerId: string;
  environmentId?: string;
  /** Disks: the service they are attached to. */
  serviceId?: string;
}

export interface DoubleWorld {
  user: { email: string; name: string };
  owners: DoubleOwner[];
  projects: DoubleProject[];
  resources: DoubleResource[];
  tokens: Map<string, LivePlan | FaultPlan>;
  maxPageSize: number;
}

const T = '2026-01-02T03:04:05Z';

export class RenderDouble extends RestDouble<LivePlan> {
  constructor(private readonly world: DoubleWorld) {
    super('render', world.tokens, '/v1');
  }

  protected error(status: number, message: string): unknown {
    return { id: String(status), message };
  }

  protected route(path: string, query: URLSearchParams, _who: LivePlan, _h: IncomingMessage['headers']): Answer {
    const w = this.world;
    const owner = (id: string) => {
      const o = w.owners.find((x) => x.id === id)!;
      return {
        id: o.id,
        name: o.name,
        email: o.type === 'user' ? w.user.email : `${o.name.toLowerCase()}@teams.render.example`,
        type: o.type,
      };
    };
    const byOwner = (kind: DoubleResource['kind']) =>
      w.resources.filter((r) => r.kind === kind && r.ownerId === query.get('ownerId'));
    switch (path) {
      case '/users':
        return { status: 200, body: w.user };
      case '/owners':
        return this.page(
          'owner',
          w.owners.map((o) => ({ ...owner(o.id), twoFactorAuthEnabled: true, ipAllowList: [] })),
          query,
        );
      case '/projects':
        return this.page(
          'project',
          w.projects
            .filter((p) => p.ownerId === query.get('ownerId'))
            .map((p) => ({
              id: p.id,
              name: p.name,
              owner: owner(p.ownerId),
              environmentIds: p.environments.map((e) => e.id),
              createdAt: T,
              updatedAt: T,
            })),
          query,
        );
      case '/environments': {
        const p = w.projects.find((x) => x.id === query.get('projectId'));
        if (!p) return { status: 400, body: this.error(400, 'projectId is required') };
        const ids = (kind: DoubleResource['kind'], e: string) =>
          w.resources.filter((r) => r.kind === kind && r.environmentId === e).map((r) => r.id);
        return this.page(
          'environment',
          p.environments.map((e) => ({
            id: e.id,
            projectId: p.id,
            name: e.name,
            serviceIds: ids('service', e.id),
            databasesIds: ids('postgres', e.id),
            redisIds: [],
            envGroupIds: [],
            protectedStatus: e.protected ? 'protected' : 'unprotected',
            networkIsolationEnabled: false,
            ipAllowList: [],
          })),
          query,
        );
      }
      case '/services':
        return this.page(
          'service',
          byOwner('service').map((r) => ({
            id: r.id,
            name: r.name,
            ownerId: r.ownerId,
            type: 'web_service',
            repo: `https://github.com/acme/${r.name}`,
            branch: 'main',
            autoDeploy: 'yes',
            suspended: 'not_suspended',
            suspenders: [],
            slug: r.name,
            rootDir: '',
            notifyOnFail: 'default',
            createdAt: T,
            updatedAt: T,
            dashboardUrl: `https://dashboard.render.com/web/${r.id}`,
            ...(r.environmentId ? { environmentId: r.environmentId } : {}),
            serviceDetails: {
              env: 'node',
              plan: 'standard',
              region: 'oregon',
              numInstances: 1,
              url: `https://${r.name}.onrender.com`,
            },
          })),
          query,
        );
      case '/postgres':
        return this.page(
          'postgres',
          byOwner('postgres').map((r) => ({
            id: r.id,
            name: r.name,
            owner: owner(r.ownerId),
            plan: 'pro_4gb',
            region: 'oregon',
            status: 'available',
            databaseName: r.name.replace(/-/g, '_'),
            databaseUser: `${r.name.replace(/-/g, '_')}_user`,
            version: '16',
            role: 'primary',
            highAvailabilityEnabled: false,
            ipAllowList: [],
            suspended: 'not_suspended',
            suspenders: [],
            createdAt: T,
            updatedAt: T,
            dashboardUrl: `https://dashboard.render.com/d/${r.id}`,
            ...(r.environmentId ? { environmentId: r.environmentId } : {}),
          })),
          query,
        );
      case '/key-value':
        return this.page(
          'keyValue',
          byOwner('keyValue').map((r) => ({
            id: r.id,
            name: r.name,
            owner: owner(r.ownerId),
            plan: 'standard',
            region: 'oregon',
            status: 'available',
            version: '8',
            createdAt: T,
            updatedAt: T,
            dashboardUrl: `https://dashboard.render.com/r/${r.id}`,
            ...(r.environmentId ? { environmentId: r.environmentId } : {}),
          })),
          query,
        );
      case '/disks':
        return this.page(
          'disk',
          byOwner('disk').map((r) => ({
            id: r.id,
            name: r.name,
            sizeGB: 10,
            mountPath: '/var/data',
            serviceId: r.serviceId,
            createdAt: T,
            updatedAt: T,
          })),
          query,
        );
    }
    const members = /^\/owners\/([^/]+)\/members$/.exec(path);
    if (members) {
      const o = w.owners.find((x) => x.id === members[1]);
      if (!o) return { status: 404, body: this.error(404, 'Not Found') };
      return {
        status: 200,
        body: [
          {
            userId: 'usr-boss',
            name: 'Boss',
            email: `boss@${o.name.toLowerCase()}.example`,
            status: 'active',
            role: 'ADMIN',
            mfaEnabled: true,
          },
          {
            userId: 'usr-ops',
            name: w.user.name,
            email: w.user.email,
            status: 'active',
            role: o.role ?? 'ADMIN',
            mfaEnabled: true,
          },
        ],
      };
    }
    return { status: 404, body: this.error(404, 'Not Found') };
  }

  /** One page of `[{ <key>: item, cursor }]` after the `cursor` asked for, at most maxPageSize long. */
  private page(key: string, items: { id: string }[], query: URLSearchParams): Answer {
    const after = query.get('cursor');
    const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
    const size = Math.min(Number(query.get('limit') ?? 20), this.world.maxPageSize);
    return { status: 200, body: items.slice(start, start + size).map((item) => ({ [key]: item, cursor: item.id })) };
  }
}
