import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Neon API (console.neon.tech/api/v2), answering in the shapes of Neon's API reference
 * (neon-api-python's v2.json): `GET /auth` `{ account_id, auth_method }`, organizations
 * `{ organizations: [...] }`, projects `{ projects: [...], pagination: { cursor } }` with `limit`
 * and `cursor` (the last project's id), branches `{ branches: [{ id, name, default, protected,
 * ... }] }`, databases `{ databases: [{ id, branch_id, name, owner_name, ... }] }`; errors
 * `{ code, message }`, an unknown key 401.
 */

export interface DoubleProject {
  id: string;
  name: string;
  org: string;
  branches: { id: string; name: string; default?: boolean; protected?: boolean; databases: string[] }[];
}

export interface NeonPlan extends LivePlan {
  auth: 'api_key_user' | 'api_key_org';
  /** The organizations the key sees (one for an organization key). */
  orgs: string[];
  /** A project-scoped key: only this project. */
  project?: string;
}

export interface DoubleWorld {
  orgs: { id: string; name: string }[];
  projects: DoubleProject[];
  tokens: Map<string, NeonPlan | FaultPlan>;
}

const T = '2025-01-10T12:00:00Z';

export class NeonDouble extends RestDouble<NeonPlan> {
  constructor(private readonly world: DoubleWorld) {
    super('neon', world.tokens, '/api/v2');
  }

  protected error(status: number, message: string): unknown {
    return { code: status === 429 ? 'TOO_MANY_REQUESTS' : '', message };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: { code: '', message: 'authentication required' } };
  }

  protected route(path: string, query: URLSearchParams, who: NeonPlan, _h: IncomingMessage['headers']): Answer {
    const w = this.world;
    const visible = w.projects.filter((p) => who.orgs.includes(p.org) && (!who.project || p.id === who.project));
    if (path === '/auth')
      return {
        status: 200,
        body: { account_id: who.auth === 'api_key_user' ? 'user-1' : who.orgs[0], auth_method: who.auth },
      };
    if (path === '/users/me/organizations') {
      return {
        status: 200,
        body: {
          organizations: w.orgs
            .filter((o) => who.orgs.includes(o.id))
            .map((o) => ({
              id: o.id,
              name: o.name,
              handle: `${o.name.toLowerCase()}-${o.id}`,
              plan: 'scale',
              created_at: T,
              managed_by: 'console',
              updated_at: T,
            })),
        },
      };
    }
    if (path === '/projects') {
      const orgId = query.get('org_id');
      // A personal key must name the organization; an organization key sees its own.
      if (who.auth === 'api_key_user' && !orgId) return { status: 200, body: { projects: [], pagination: {} } };
      const all = visible.filter((p) => !orgId || p.org === orgId);
      const limit = Math.min(Number(query.get('limit') ?? 10), 400);
      const cursor = query.get('cursor');
      const start = cursor ? all.findIndex((p) => p.id === cursor) + 1 : 0;
      const page = all.slice(start, start + limit);
      return {
        status: 200,
        body: {
          projects: page.map((p) => ({
            id: p.id,
            platform_id: 'aws',
            region_id: 'aws-eu-central-1',
            name: p.name,
            provisioner: 'k8s-neonvm',
            pg_version: 17,
            proxy_host: 'eu-central-1.aws.neon.tech',
            store_passwords: true,
            creation_source: 'console',
            created_at: T,
            updated_at: T,
            owner_id: 'user-1',
            org_id: p.org,
          })),
          pagination: page.length > 0 ? { cursor: page[page.length - 1]!.id } : {},
          applications: {},
          integrations: {},
        },
      };
    }
    const m = /^\/projects\/([^/]+)\/branches(?:\/([^/]+)\/databases)?$/.exec(path);
    const project = m ? visible.find((p) => p.id === m[1]) : undefined;
    if (!m || !project) return { status: 404, body: { code: '', message: 'not found' } };
    if (!m[2]) {
      return {
        status: 200,
        body: {
          branches: project.branches.map((b) => ({
            id: b.id,
            project_id: project.id,
            name: b.name,
            current_state: 'ready',
            default: b.default ?? false,
            protected: b.protected ?? false,
            cpu_used_sec: 0,
            created_at: T,
            updated_at: T,
          })),
          annotations: {},
        },
      };
    }
    const branch = project.branches.find((b) => b.id === m[2]);
    if (!branch) return { status: 404, body: { code: '', message: 'branch not found' } };
    return {
      status: 200,
      body: {
        databases: branch.databases.map((name, i) => ({
          id: i + 1,
          branch_id: branch.id,
          name,
          owner_name: `${name}_owner`,
          created_at: T,
          updated_at: T,
        })),
      },
    };
  }
}
