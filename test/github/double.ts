import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { example, schemaProblems } from './openapi.js';
import { logProviderRequest } from '../helpers/provider-log.js';

/**
 * A loopback GitHub for the inspector's tests. Bodies start from the examples in GitHub's own
 * OpenAPI description and every JSON body served is checked against the response schema of its
 * operation (`problems` collects any mismatch, so a test double cannot drift from the real API).
 * Every request is recorded with its method, so tests can prove the inspector only reads.
 */

export type Role = 'admin' | 'maintain' | 'push' | 'triage' | 'pull';

export interface RepoPlan {
  fullName: string;
  private?: boolean;
  role: Role;
}

export type FailureMode =
  | 'unauthorized'
  | 'rate-limited'
  | 'secondary-rate-limited'
  | 'too-many-requests'
  | 'server-error'
  | 'forbidden'
  | 'hang'
  | 'nonsense';

export interface Failure {
  mode: FailureMode;
  /** Paths that fail; default: all. */
  paths?: string[];
  /** Fail this many times, then answer normally; default: always. */
  times?: number;
  /** Rate limits: seconds from now until x-ratelimit-reset. */
  resetInSeconds?: number;
  /** Secondary limits and 429: the Retry-After header. */
  retryAfter?: number;
  /** Echoed in an error body, to prove the inspector scrubs what GitHub says. */
  message?: string;
}

export interface TokenPlan {
  login?: string;
  siteAdmin?: boolean;
  /** The X-OAuth-Scopes value; absent for fine-grained and app tokens. */
  scopes?: string;
  /** The github-authentication-token-expiration value; absent means no expiry. */
  expiration?: string;
  repos?: RepoPlan[];
  memberships?: { org: string; role: 'admin' | 'member'; state?: 'active' | 'pending' }[];
  installations?: { id: number; account: string; permissions: Record<string, string> }[];
  failure?: Failure;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  /** Which plan's token came with it ('' when none or unknown). */
  plan: string;
}

const ROLES: Role[] = ['admin', 'maintain', 'push', 'triage', 'pull'];

function permissionsFor(role: Role) {
  const rank = ROLES.indexOf(role);
  return { admin: rank <= 0, maintain: rank <= 1, push: rank <= 2, triage: rank <= 3, pull: true };
}

function repoBody(plan: RepoPlan, id: number): unknown {
  const [owner, name] = plan.fullName.split('/') as [string, string];
  const base = (example('repository-items-default-response') as Record<string, unknown>[])[0]!;
  const ownerBody = { ...(base['owner'] as Record<string, unknown>), login: owner };
  return {
    ...base,
    id,
    name,
    full_name: plan.fullName,
    private: plan.private ?? false,
    visibility: plan.private ? 'private' : 'public',
    owner: ownerBody,
    permissions: permissionsFor(plan.role),
  };
}

function userBody(plan: TokenPlan): unknown {
  const base = example('private-user-response-with-public-and-private-profile-information') as Record<string, unknown>;
  return { ...base, login: plan.login ?? 'octocat', site_admin: plan.siteAdmin ?? false };
}

function membershipBody(m: NonNullable<TokenPlan['memberships']>[number], login: string): unknown {
  const base = (example('org-membership-items') as Record<string, unknown>[])[0]!;
  return {
    ...base,
    state: m.state ?? 'active',
    role: m.role,
    organization: { ...(base['organization'] as Record<string, unknown>), login: m.org },
    user: { ...(base['user'] as Record<string, unknown>), login },
  };
}

function installationBody(i: NonNullable<TokenPlan['installations']>[number]): unknown {
  const base = (example('base-installation-for-auth-user-paginated') as { installations: Record<string, unknown>[] })
    .installations[0]!;
  return {
    ...base,
    id: i.id,
    account: { ...(base['account'] as Record<string, unknown>), login: i.account },
    permissions: i.permissions,
  };
}

export class GithubDouble {
  readonly calls: RecordedCall[] = [];
  /** Schema mismatches of served bodies; every test expects this to stay empty. */
  readonly problems: string[] = [];
  /** Called when a request is left hanging, so a test can end the wait without a timer. */
  onHang: () => void = () => {};
  private readonly failed = new Map<string, number>();
  private server!: Server;
  url = '';

  constructor(private readonly plans: Record<string, TokenPlan & { token: string }>) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private planFor(req: IncomingMessage): [string, (TokenPlan & { token: string }) | undefined] {
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const entry = Object.entries(this.plans).find(([, p]) => p.token === token);
    return entry ? [entry[0], entry[1]] : ['', undefined];
  }

  private answer(req: IncomingMessage, res: ServerResponse): undefined {
    const url = new URL(req.url ?? '/', this.url);
    const [name, plan] = this.planFor(req);
    this.calls.push({ method: req.method ?? '', path: url.pathname, query: url.search, plan: name });
    logProviderRequest({ provider: 'github', method: req.method ?? '', what: url.pathname });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return this.send(res, url.pathname, 404, { message: 'Not Found' });
    }
    if (!plan) return this.send(res, url.pathname, 401, unauthorizedBody());
    const f = plan.failure;
    if (f && (!f.paths || f.paths.includes(url.pathname))) {
      const key = `${name} ${url.pathname}`;
      const count = this.failed.get(key) ?? 0;
      if (count < (f.times ?? Number.POSITIVE_INFINITY)) {
        this.failed.set(key, count + 1);
        return this.fail(res, url.pathname, f);
      }
    }
    const headers: Record<string, string> = {};
    if (plan.scopes !== undefined) headers['x-oauth-scopes'] = plan.scopes;
    if (plan.expiration !== undefined) headers['github-authentication-token-expiration'] = plan.expiration;
    const login = plan.login ?? 'octocat';
    switch (url.pathname) {
      case '/user':
        if (plan.token.startsWith('ghs_')) {
          return this.send(res, url.pathname, 403, { message: 'Resource not accessible by integration' }, headers);
        }
        return this.send(res, url.pathname, 200, userBody(plan), headers);
      case '/user/repos': {
        const all = (plan.repos ?? []).map((r, i) => repoBody(r, i + 1));
        return this.page(res, url, all, headers, (items) => items);
      }
      case '/user/memberships/orgs':
        return this.page(
          res,
          url,
          (plan.memberships ?? []).map((m) => membershipBody(m, login)),
          headers,
          (i) => i,
        );
      case '/user/installations': {
        const all = (plan.installations ?? []).map(installationBody);
        return this.page(res, url, all, headers, (items) => ({ total_count: all.length, installations: items }));
      }
      case '/installation/repositories': {
        if (!plan.token.startsWith('ghs_')) {
          return this.send(res, url.pathname, 403, {
            message: 'You must authenticate with an installation access token',
          });
        }
        const all = (plan.repos ?? []).map((r, i) => repoBody(r, i + 1));
        return this.page(res, url, all, headers, (items) => ({
          total_count: all.length,
          repositories: items,
          repository_selection: 'selected',
        }));
      }
      default:
        return this.send(res, url.pathname, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest',
        });
    }
  }

  /** Answers one page (per_page, page) with GitHub's Link header. */
  private page(
    res: ServerResponse,
    url: URL,
    all: unknown[],
    headers: Record<string, string>,
    wrap: (items: unknown[]) => unknown,
  ): undefined {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(p));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
    this.send(res, url.pathname, 200, wrap(items), { ...headers, ...(links.length ? { link: links.join(', ') } : {}) });
  }

  private fail(res: ServerResponse, path: string, f: Failure): undefined {
    const now = Math.floor(Date.now() / 1000);
    const limitHeaders = {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(now + (f.resetInSeconds ?? 3600)),
      'x-ratelimit-resource': 'core',
    };
    switch (f.mode) {
      case 'unauthorized':
        return this.send(res, path, 401, unauthorizedBody(f.message));
      case 'rate-limited':
        return this.send(
          res,
          path,
          403,
          { message: f.message ?? 'API rate limit exceeded for user ID 1.', documentation_url: DOCS_RATE },
          limitHeaders,
        );
      case 'secondary-rate-limited':
        return this.send(
          res,
          path,
          403,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: DOCS_RATE,
          },
          { 'retry-after': String(f.retryAfter ?? 60) },
        );
      case 'too-many-requests':
        return this.send(
          res,
          path,
          429,
          { message: 'Too Many Requests' },
          { 'retry-after': String(f.retryAfter ?? 60) },
        );
      case 'server-error':
        return this.send(res, path, 500, { message: 'Server Error' });
      case 'forbidden':
        return this.send(res, path, 403, {
          message: f.message ?? 'Must have admin rights to Repository.',
          documentation_url: 'https://docs.github.com/rest',
        });
      case 'nonsense':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ hello: 'this is not a user' }));
        return;
      case 'hang':
        // Headers never come: the request waits until the client gives up.
        this.onHang();
        return;
    }
  }

  private send(
    res: ServerResponse,
    path: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): undefined {
    const problems = schemaProblems(path, status, body);
    if (problems?.length) this.problems.push(`${path} ${status}: ${problems.join('; ')}`);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': 'TEST:1',
      ...headers,
    });
    res.end(JSON.stringify(body));
  }
}

const DOCS_RATE = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

function unauthorizedBody(message = 'Bad credentials'): unknown {
  return { message, documentation_url: 'https://docs.github.com/rest', status: '401' };
}
