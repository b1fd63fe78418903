import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback Vercel REST API, answering in the shapes of Vercel's API reference (token metadata,
 * user, teams, projects, domains; `pagination: { count, next, prev }` with `until=` cursors; errors
 * as `{ error: { code, message } }`, an unknown or revoked token as 403 `invalidToken`).
 */

export interface DoubleTeam {
  id: string;
  slug: string;
  name: string;
  /** The role of the double's user in this team. */
  role: string;
}

export interface DoubleProject {
  id: string;
  name: string;
  /** A team id, or undefined for the user's personal account. */
  teamId?: string;
  /** Domains aliased to its production deployment; absent: no production deployment. */
  production?: string[];
}

export interface DoubleDomain {
  name: string;
  teamId?: string;
  serviceType: 'zeit.world' | 'external' | 'na';
}

export interface VercelPlan extends LivePlan {
  name: string;
  /** `account`: a full-account token; a list: the team ids it is scoped to. */
  scope: 'account' | string[];
  expiresAt?: number;
}

export interface DoubleWorld {
  user: { id: string; email: string; username: string };
  teams: DoubleTeam[];
  projects: DoubleProject[];
  domains: DoubleDomain[];
  tokens: Map<string, VercelPlan | FaultPlan>;
  /** The largest page the double serves, whatever `limit` asks: small, so pagination is exercised. */
  maxPageSize: number;
}

const T0 = 1_700_000_000_000;

export class VercelDouble extends RestDouble<VercelPlan> {
  constructor(private readonly world: DoubleWorld) {
    super('vercel', world.tokens);
  }

  protected error(status: number, message: string): unknown {
    return {
      error: { code: status === 429 ? 'rate_limited' : status >= 500 ? 'internal_server_error' : 'forbidden', message },
    };
  }

  protected override unknownToken(): Answer {
    return { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } } };
  }

  protected route(path: string, query: URLSearchParams, who: VercelPlan, _h: IncomingMessage['headers']): Answer {
    const w = this.world;
    const teamVisible = (id: string) => who.scope === 'account' || who.scope.includes(id);
    const teamId = query.get('teamId') ?? undefined;
    const forbidden = { status: 403, body: this.error(403, 'Not authorized') };
    // A team the token cannot see, or the personal account for a team-scoped token.
    const ownerVisible = teamId ? teamVisible(teamId) && w.teams.some((t) => t.id === teamId) : who.scope === 'account';
    switch (path) {
      case '/v5/user/tokens/current':
        return { status: 200, body: { token: this.tokenMeta(who) } };
      case '/v2/user':
        return {
          status: 200,
          body: { user: { ...w.user, name: 'Ops', avatar: null, defaultTeamId: w.teams[0]?.id ?? null } },
        };
      case '/v2/teams':
        return this.page(
          'teams',
          w.teams
            .filter((t) => teamVisible(t.id))
            .map((t, i) => ({
              id: t.id,
              slug: t.slug,
              name: t.name,
              avatar: null,
              createdAt: T0 - i * 1000,
              membership: { role: t.role, confirmed: true, createdAt: T0, created: T0 },
            })),
          query,
        );
      case '/v10/projects':
        if (!ownerVisible) return forbidden;
        return this.page(
          'projects',
          w.projects
            .filter((p) => p.teamId === teamId)
            .map((p, i) => ({
              id: p.id,
              name: p.name,
              accountId: p.teamId ?? w.user.id,
              createdAt: T0 - i * 1000,
              updatedAt: T0 - i * 1000,
              framework: 'nextjs',
              targets: p.production
                ? { production: { id: `dpl_${p.id}`, alias: p.production, target: 'production', readyState: 'READY' } }
                : {},
            })),
          query,
        );
      case '/v5/domains':
        if (!ownerVisible) return forbidden;
        return this.page(
          'domains',
          w.domains
            .filter((d) => d.teamId === teamId)
            .map((d, i) => ({
              id: `dom_${d.name}`,
              name: d.name,
              serviceType: d.serviceType,
              verified: true,
              nameservers:
                d.serviceType === 'zeit.world' ? ['ns1.vercel-dns.com', 'ns2.vercel-dns.com'] : ['ns1.example.net'],
              intendedNameservers: ['ns1.vercel-dns.com', 'ns2.vercel-dns.com'],
              createdAt: T0 - i * 1000,
              boughtAt: null,
              expiresAt: null,
              creator: { id: w.user.id, username: w.user.username, email: w.user.email },
            })),
          query,
        );
      default:
        return { status: 404, body: { error: { code: 'not_found', message: 'The requested path was not found' } } };
    }
  }

  private tokenMeta(who: VercelPlan): Record<string, unknown> {
    const scopes =
      who.scope === 'account'
        ? [{ type: 'user', origin: 'manual', createdAt: T0 }]
        : who.scope.map((teamId) => ({ type: 'team', teamId, origin: 'manual', createdAt: T0 }));
    return {
      id: 'tok_double',
      name: who.name,
      type: 'oauth2-token',
      origin: 'manual',
      scopes,
      activeAt: T0,
      createdAt: T0,
      ...(who.expiresAt !== undefined ? { expiresAt: who.expiresAt } : {}),
    };
  }

  /** Newest first; `until` returns the items created before it; `next` is the last item's createdAt. */
  private page(key: string, items: { createdAt: number }[], query: URLSearchParams): Answer {
    const until = Number(query.get('until') ?? Number.POSITIVE_INFINITY);
    const limit = Math.min(Number(query.get('limit') ?? 20), this.world.maxPageSize);
    const rest = items.filter((i) => i.createdAt < until);
    const slice = rest.slice(0, limit);
    const more = rest.length > slice.length;
    return {
      status: 200,
      body: {
        [key]: slice,
        pagination: {
          count: slice.length,
          next: more ? slice[slice.length - 1]!.createdAt : null,
          prev: slice[0]?.createdAt ?? null,
        },
      },
    };
  }
}
