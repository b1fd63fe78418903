import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback GitLab REST API (/api/v4), answering in the shapes of GitLab's API docs: the token's
 * own metadata (`personal_access_tokens/self`), its user (`is_admin` and `bot`), and its
 * associations (`{ groups, projects }` paginated together with `page`/`per_page` and
 * `X-Next-Page`). Errors are `{ message: "401 Unauthorized" }`, as GitLab's are.
 */

export interface DoubleUser {
  id: number;
  username: string;
  isAdmin: boolean;
  bot: boolean;
}

export interface DoubleGroup {
  id: number;
  name: string;
  path: string;
}

export interface DoubleProject {
  id: number;
  /** `group/path`. */
  path: string;
  group: DoubleGroup;
}

export interface GitlabPlan extends LivePlan {
  name: string;
  user: DoubleUser;
  scopes: string[];
  expiresAt?: string;
  /** Group id -> access level of the token's user. */
  groups: Record<number, number>;
  /** Project id -> the user's own access level in the project (the group's level comes from `groups`). */
  projects: Record<number, number>;
  /** The instance is older than 17.4: no associations endpoint. */
  noAssociations?: boolean;
}

export interface DoubleWorld {
  groups: DoubleGroup[];
  projects: DoubleProject[];
  tokens: Map<string, GitlabPlan | FaultPlan>;
  pageSize: number;
}

const API = '/api/v4';

export class GitlabDouble extends RestDouble<GitlabPlan> {
  constructor(private readonly world: DoubleWorld) {
    super('gitlab', world.tokens);
  }

  protected error(status: number, message: string): unknown {
    return { message: `${status} ${message}` };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: { message: '401 Unauthorized' } };
  }

  protected route(path: string, query: URLSearchParams, who: GitlabPlan, _h: IncomingMessage['headers']): Answer {
    switch (path) {
      case `${API}/personal_access_tokens/self`:
        return {
          status: 200,
          body: {
            id: 4242,
            name: who.name,
            revoked: false,
            created_at: '2025-03-01T10:00:00.000Z',
            description: null,
            scopes: who.scopes,
            user_id: who.user.id,
            last_used_at: '2026-11-30T08:00:00.000Z',
            active: true,
            expires_at: who.expiresAt ?? null,
          },
        };
      case `${API}/user`:
        if (!who.scopes.some((s) => ['api', 'read_api', 'read_user', 'sudo'].includes(s)))
          return {
            status: 403,
            body: {
              error: 'insufficient_scope',
              error_description: 'The request requires higher privileges than provided by the access token.',
              scope: 'api read_user read_api',
            },
          };
        return { status: 200, body: this.user(who.user) };
      case `${API}/personal_access_tokens/self/associations`:
        if (who.noAssociations) return { status: 404, body: { error: '404 Not Found' } };
        return this.associations(who, query);
      default:
        return { status: 404, body: { message: '404 Not Found' } };
    }
  }

  private user(u: DoubleUser): Record<string, unknown> {
    return {
      id: u.id,
      username: u.username,
      name: u.username,
      state: 'active',
      locked: false,
      avatar_url: null,
      web_url: `https://gitlab.example.com/${u.username}`,
      created_at: '2024-01-01T00:00:00.000Z',
      bio: '',
      bot: u.bot,
      public_email: null,
      last_sign_in_at: '2026-11-30T08:00:00.000Z',
      two_factor_enabled: true,
      external: false,
      private_profile: false,
      ...(u.isAdmin ? { is_admin: true, note: null, namespace_id: u.id } : {}),
    };
  }

  private associations(who: GitlabPlan, query: URLSearchParams): Answer {
    const groups = this.world.groups
      .filter((g) => who.groups[g.id] !== undefined)
      .map((g) => ({
        id: g.id,
        web_url: `https://gitlab.example.com/groups/${g.path}`,
        name: g.name,
        parent_id: null,
        organization_id: 1,
        access_levels: who.groups[g.id],
        visibility: 'private',
      }));
    const projects = this.world.projects
      .filter((p) => who.projects[p.id] !== undefined || who.groups[p.group.id] !== undefined)
      .map((p) => ({
        id: p.id,
        description: null,
        name: p.path.split('/')[1],
        name_with_namespace: `${p.group.name} / ${p.path.split('/')[1]}`,
        path: p.path.split('/')[1],
        path_with_namespace: p.path,
        created_at: '2024-07-02T13:37:00.123Z',
        access_levels: {
          project_access_level: who.projects[p.id] ?? null,
          group_access_level: who.groups[p.group.id] ?? null,
        },
        visibility: 'private',
        web_url: `https://gitlab.example.com/${p.path}`,
        namespace: {
          id: p.group.id,
          name: p.group.name,
          path: p.group.path,
          kind: 'group',
          full_path: p.group.path,
          parent_id: null,
          avatar_url: null,
          web_url: `https://gitlab.example.com/groups/${p.group.path}`,
        },
      }));
    const page = Math.max(1, Number(query.get('page') ?? 1));
    const size = Math.min(Number(query.get('per_page') ?? 20), this.world.pageSize);
    const slice = <T>(items: T[]) => items.slice((page - 1) * size, page * size);
    const more = page * size < Math.max(groups.length, projects.length);
    return {
      status: 200,
      body: { groups: slice(groups), projects: slice(projects) },
      headers: { 'x-page': String(page), 'x-per-page': String(size), 'x-next-page': more ? String(page + 1) : '' },
    };
  }
}
