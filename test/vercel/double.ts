import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logProviderRequest, SELF_TEST_HEADER } from '../helpers/provider-log.js';

/**
 * A loopback Vercel REST API, answering in the shapes of Vercel's API reference (token metadata,
 * user, teams, projects, domains; `pagination: { count, next, prev }` with `until=` cursors; errors
 * as `{ error: { code, message } }`, an unknown or revoked token as 403 `invalidToken`). Every
 * request is logged for the recording proxy and kept in `requests`.
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

export type DoubleToken =
  | {
      kind: 'live';
      name: string;
      /** `account`: a full-account token; a list: the team ids it is scoped to. */
      scope: 'account' | string[];
      expiresAt?: number;
      /** The first request of this token is answered 429 (Retry-After: 0). */
      limitOnce?: boolean;
      /** Never answers requests to this path (a hang half-way). */
      hangOn?: string;
    }
  | { kind: 'revoked' }
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'server-error' }
  | { kind: 'echo' }
  | { kind: 'malformed' }
  | { kind: 'nonsense' }
  | { kind: 'hang' };

export interface DoubleWorld {
  user: { id: string; email: string; username: string };
  teams: DoubleTeam[];
  projects: DoubleProject[];
  domains: DoubleDomain[];
  tokens: Map<string, DoubleToken>;
  /** The largest page the double serves, whatever `limit` asks: small, so pagination is exercised. */
  maxPageSize: number;
}

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  token?: string;
}

const T0 = 1_700_000_000_000;

export class VercelDouble {
  readonly requests: SeenRequest[] = [];
  private server: Server | undefined;
  private readonly limited = new Set<string>();

  constructor(private readonly world: DoubleWorld) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    // Hanging requests keep their sockets open: close them, or close() never returns.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://double');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!req.headers[SELF_TEST_HEADER]) {
      logProviderRequest({
        provider: 'vercel',
        method: req.method ?? '',
        what: url.pathname,
        path: `${url.pathname}${url.search}`,
      });
    }
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      ...(token ? { token } : {}),
    });
    const who = token ? this.world.tokens.get(token) : undefined;
    switch (who?.kind) {
      case 'hang':
        return;
      case 'echo':
        return send(res, 403, {
          error: { code: 'forbidden', message: `Not authorized: ${token}`, invalidToken: true },
        });
      case 'malformed':
        return sendRaw(res, 200, '{"token": {"id": ');
      case 'nonsense':
        return send(res, 200, { status: 'ok', message: 'welcome to the API' });
      case 'rate-limited':
        return send(
          res,
          429,
          { error: { code: 'rate_limited', message: 'Rate limit exceeded' } },
          { 'retry-after': who.retryAfter },
        );
      case 'server-error':
        return send(res, 500, { error: { code: 'internal_server_error', message: 'An unexpected error occurred' } });
    }
    if (who?.kind !== 'live') {
      return send(res, 403, { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } });
    }
    if (who.hangOn === url.pathname) return;
    if (who.limitOnce && !this.limited.has(token!)) {
      this.limited.add(token!);
      return send(
        res,
        429,
        { error: { code: 'rate_limited', message: 'Rate limit exceeded' } },
        { 'retry-after': '0' },
      );
    }
    if (req.method !== 'GET')
      return send(res, 405, { error: { code: 'method_not_allowed', message: 'Method not allowed' } });
    const answer = this.route(url, who);
    return send(res, answer.status, answer.body);
  }

  private route(url: URL, who: Extract<DoubleToken, { kind: 'live' }>): { status: number; body: unknown } {
    const w = this.world;
    const teamVisible = (id: string) => who.scope === 'account' || who.scope.includes(id);
    const teamId = url.searchParams.get('teamId') ?? undefined;
    const forbidden = { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized' } } };
    // A team the token cannot see, or the personal account for a team-scoped token.
    const ownerVisible = teamId ? teamVisible(teamId) && w.teams.some((t) => t.id === teamId) : who.scope === 'account';
    switch (url.pathname) {
      case '/v5/user/tokens/current':
        return { status: 200, body: { token: this.tokenMeta(who) } };
      case '/v2/user':
        return {
          status: 200,
          body: { user: { ...w.user, name: 'Ops', avatar: null, defaultTeamId: w.teams[0]?.id ?? null } },
        };
      case '/v2/teams':
        return {
          status: 200,
          body: this.page(
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
            url,
          ),
        };
      case '/v10/projects':
        if (!ownerVisible) return forbidden;
        return {
          status: 200,
          body: this.page(
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
                  ? {
                      production: { id: `dpl_${p.id}`, alias: p.production, target: 'production', readyState: 'READY' },
                    }
                  : {},
              })),
            url,
          ),
        };
      case '/v5/domains':
        if (!ownerVisible) return forbidden;
        return {
          status: 200,
          body: this.page(
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
            url,
          ),
        };
      default:
        return { status: 404, body: { error: { code: 'not_found', message: 'The requested path was not found' } } };
    }
  }

  private tokenMeta(who: Extract<DoubleToken, { kind: 'live' }>): Record<string, unknown> {
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
  private page(key: string, items: { createdAt: number }[], url: URL): Record<string, unknown> {
    const until = Number(url.searchParams.get('until') ?? Number.POSITIVE_INFINITY);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), this.world.maxPageSize);
    const rest = items.filter((i) => i.createdAt < until);
    const slice = rest.slice(0, limit);
    const more = rest.length > slice.length;
    return {
      [key]: slice,
      pagination: {
        count: slice.length,
        next: more ? slice[slice.length - 1]!.createdAt : null,
        prev: slice[0]?.createdAt ?? null,
      },
    };
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

function sendRaw(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}
