import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, send } from '../helpers/graphql-double.js';
import { logProviderRequest, SELF_TEST_HEADER } from '../helpers/provider-log.js';

/**
 * A loopback Cloudflare API v4 (https://api.cloudflare.com/client/v4), answering in its envelope
 * `{success, errors, messages, result, result_info}` and its shapes (developers.cloudflare.com/api:
 * tokens verify and get, accounts, zones, workers scripts, R2 buckets, D1 databases). It also
 * serves a Worker's secrets, so a test can prove the inspector never asks.
 */
export interface CfPolicy {
  effect: 'allow' | 'deny';
  resources: Record<string, unknown>;
  permissions: string[];
}

export type CfToken =
  | {
      kind: 'user' | 'account';
      id: string;
      accountId?: string;
      status: 'active' | 'disabled' | 'expired';
      expiresOn?: string;
      policies: CfPolicy[];
      /** Holds API Tokens Read: may read its own policies. */
      readsPolicies: boolean;
      /** Zone ids it may list (the zones its policies touch). */
      zones: string[];
      email?: string;
    }
  | { kind: 'global'; email: string }
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'server-error' }
  | { kind: 'malformed' }
  | { kind: 'nonsense' }
  | { kind: 'hang' };

export interface CfWorld {
  accounts: { id: string; name: string }[];
  zones: { id: string; name: string; status: string; accountId: string }[];
  workers: { accountId: string; name: string; secret: string }[];
  buckets: { accountId: string; name: string }[];
  d1: { accountId: string; uuid: string; name: string }[];
  tokens: Map<string, CfToken>;
  maxPageSize: number;
}

export class CfDouble {
  readonly requests: { method: string; path: string; token?: string }[] = [];
  private server: Server | undefined;

  constructor(private readonly world: CfWorld) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/client/v4`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://double');
    const below = `${url.pathname.replace(/^\/client\/v4/, '') || '/'}${url.search}`;
    const token =
      /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (req.headers['x-auth-key'] as string | undefined);
    if (!req.headers[SELF_TEST_HEADER]) {
      logProviderRequest({
        provider: 'cloudflare',
        method: req.method ?? '',
        what: url.pathname,
        path: below,
        ...(body ? { body } : {}),
      });
    }
    this.requests.push({ method: req.method ?? '', path: below, ...(token !== undefined ? { token } : {}) });
    const ok = (result: unknown, info?: unknown) =>
      send(
        res,
        200,
        JSON.stringify({ success: true, errors: [], messages: [], result, ...(info ? { result_info: info } : {}) }),
      );
    const fail = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
      send(
        res,
        status,
        JSON.stringify({ success: false, errors: [{ code, message }], messages: [], result: null }),
        headers,
      );
    const who = token !== undefined ? this.world.tokens.get(token) : undefined;
    if (!who) return fail(401, 1000, 'Invalid API Token');
    switch (who.kind) {
      case 'hang':
        return;
      case 'malformed':
        return send(res, 200, '{"success": true, "result": {');
      case 'nonsense':
        return send(res, 200, JSON.stringify({ hello: 'world' }));
      case 'rate-limited':
        return fail(429, 10000, 'Rate limited', { 'retry-after': who.retryAfter });
      case 'server-error':
        return fail(502, 10001, 'Bad gateway');
    }
    if (req.method !== 'GET') return fail(405, 10405, 'Method not allowed');
    if (who.kind === 'global' && req.headers['x-auth-email'] !== who.email)
      return fail(400, 6003, 'Invalid request headers');
    const w = this.world;
    const p = url.pathname.replace(/^\/client\/v4/, '');
    const page = (items: unknown[]) => {
      const n = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const per = Math.min(Number(url.searchParams.get('per_page') ?? 20), w.maxPageSize);
      const total = Math.max(1, Math.ceil(items.length / per));
      return ok(items.slice((n - 1) * per, n * per), {
        page: n,
        per_page: per,
        count: Math.min(per, items.length),
        total_count: items.length,
        total_pages: total,
      });
    };
    const t = who.kind === 'global' ? undefined : (who as Extract<CfToken, { kind: 'user' | 'account' }>);
    const denied = () => fail(403, 9109, 'Unauthorized to access requested resource');
    const tokenView = (x: Extract<CfToken, { kind: 'user' | 'account' }>) => ({
      id: x.id,
      name: 'found token',
      status: x.status,
      issued_on: '2026-01-01T00:00:00Z',
      modified_on: '2026-01-01T00:00:00Z',
      ...(x.expiresOn ? { expires_on: x.expiresOn } : {}),
      policies: x.policies.map((pol, i) => ({
        id: `p${i}`,
        effect: pol.effect,
        resources: pol.resources,
        permission_groups: pol.permissions.map((name, j) => ({ id: `g${i}${j}`, name })),
      })),
    });

    if (p === '/user/tokens/verify') {
      if (t?.kind !== 'user') return fail(401, 1000, 'Invalid API Token');
      return ok({ id: t.id, status: t.status, ...(t.expiresOn ? { expires_on: t.expiresOn } : {}) });
    }
    let m = /^\/user\/tokens\/([^/]+)$/.exec(p);
    if (m) return t?.kind === 'user' && t.readsPolicies && m[1] === t.id ? ok(tokenView(t)) : denied();
    if (p === '/user') {
      if (who.kind === 'global') return ok({ id: 'u1', email: who.email });
      return t?.email ? ok({ id: 'u1', email: t.email }) : denied();
    }
    const accountsOf = () => (t ? w.accounts.filter((a) => t.kind === 'user' || a.id === t.accountId) : w.accounts);
    if (p === '/accounts')
      return page(accountsOf().map((a) => ({ id: a.id, name: a.name, type: 'standard', settings: {} })));
    m = /^\/accounts\/([^/]+)\/tokens\/verify$/.exec(p);
    if (m)
      return t?.kind === 'account' && t.accountId === m[1]
        ? ok({ id: t.id, status: t.status })
        : fail(401, 1000, 'Invalid API Token');
    m = /^\/accounts\/([^/]+)\/tokens\/([^/]+)$/.exec(p);
    if (m) return t?.kind === 'account' && t.readsPolicies && m[2] === t.id ? ok(tokenView(t)) : denied();
    if (p === '/zones') {
      const zones = w.zones.filter((z) => !t || t.zones.includes(z.id));
      return page(
        zones.map((z) => ({
          id: z.id,
          name: z.name,
          status: z.status,
          paused: false,
          type: 'full',
          account: { id: z.accountId, name: w.accounts.find((a) => a.id === z.accountId)?.name ?? '' },
          name_servers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
        })),
      );
    }
    m = /^\/accounts\/([^/]+)\/(workers\/scripts|r2\/buckets|d1\/database)$/.exec(p);
    if (m) {
      if (t && !accountsOf().some((a) => a.id === m![1])) return denied();
      if (m[2] === 'workers/scripts') {
        return page(
          w.workers
            .filter((x) => x.accountId === m![1])
            .map((x) => ({
              id: x.name,
              etag: 'e',
              created_on: '2026-01-01T00:00:00Z',
              modified_on: '2026-01-01T00:00:00Z',
            })),
        );
      }
      if (m[2] === 'r2/buckets') {
        return ok({
          buckets: w.buckets
            .filter((x) => x.accountId === m![1])
            .map((x) => ({ name: x.name, creation_date: '2026-01-01T00:00:00Z' })),
        });
      }
      return page(
        w.d1
          .filter((x) => x.accountId === m![1])
          .map((x) => ({ uuid: x.uuid, name: x.name, version: 'production', created_at: '2026-01-01T00:00:00Z' })),
      );
    }
    m = /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/secrets$/.exec(p);
    if (m)
      return ok(
        w.workers
          .filter((x) => x.name === m![2])
          .map((x) => ({ name: 'DB_PASSWORD', type: 'secret_text', text: x.secret })),
      );
    return fail(404, 7003, 'Could not route to this path');
  }
}
