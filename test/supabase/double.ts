import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Supabase Management API (api.supabase.com/v1), answering in the shapes of Supabase's
 * OpenAPI (supabase/cli packages/api openapi.json): organizations `[{ id, name }]` (the id is the
 * slug), projects `[{ id, ref, organization_id, organization_slug, name, region, created_at,
 * status, database }]`, branches `[{ id, name, project_ref, parent_project_ref, is_default,
 * persistent, status, ... }]`; errors `{ message }`, an unknown token 401 "Unauthorized". A
 * project with branching off answers 404 to its branch list (modelled: UNCONFIRMED).
 */

export interface DoubleProject {
  ref: string;
  name: string;
  org: string;
  /** Absent: branching is off. The default branch first. */
  branches?: string[];
}

export interface SupabasePlan extends LivePlan {
  /** The organization slugs its user belongs to. */
  orgs: string[];
}

export interface DoubleWorld {
  orgs: { slug: string; name: string }[];
  projects: DoubleProject[];
  tokens: Map<string, SupabasePlan | FaultPlan>;
}

const CREATED = '2024-03-01T10:00:00.000Z';

export class SupabaseDouble extends RestDouble<SupabasePlan> {
  constructor(private readonly world: DoubleWorld) {
    super('supabase', world.tokens);
  }

  protected error(_status: number, message: string): unknown {
    return { message };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: { message: 'Unauthorized' } };
  }

  protected route(path: string, _q: URLSearchParams, who: SupabasePlan, _h: IncomingMessage['headers']): Answer {
    const w = this.world;
    const projects = w.projects.filter((p) => who.orgs.includes(p.org));
    if (path === '/v1/organizations') {
      return {
        status: 200,
        body: w.orgs.filter((o) => who.orgs.includes(o.slug)).map((o) => ({ id: o.slug, name: o.name })),
      };
    }
    if (path === '/v1/projects') {
      return {
        status: 200,
        body: projects.map((p) => ({
          id: p.ref,
          ref: p.ref,
          organization_id: p.org,
          organization_slug: p.org,
          name: p.name,
          region: 'eu-central-1',
          created_at: CREATED,
          status: 'ACTIVE_HEALTHY',
          database: {
            host: `db.${p.ref}.supabase.co`,
            version: '15.8.1.085',
            postgres_engine: '15',
            release_channel: 'ga',
          },
        })),
      };
    }
    const branches = /^\/v1\/projects\/([a-z0-9]+)\/branches$/.exec(path);
    if (branches) {
      const p = projects.find((x) => x.ref === branches[1]);
      if (!p) return { status: 404, body: { message: 'Project not found' } };
      if (!p.branches) return { status: 404, body: { message: 'Preview branching is not enabled for this project.' } };
      return {
        status: 200,
        body: p.branches.map((name, i) => ({
          id: `${p.ref}-branch-${i}`,
          name,
          project_ref: i === 0 ? p.ref : `${p.ref}b${i}`,
          parent_project_ref: p.ref,
          is_default: i === 0,
          git_branch: name,
          persistent: i === 0,
          status: 'FUNCTIONS_DEPLOYED',
          created_at: CREATED,
          updated_at: CREATED,
          with_data: false,
        })),
      };
    }
    return { status: 404, body: { message: 'Cannot GET ' + path } };
  }
}
