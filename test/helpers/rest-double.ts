import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logProviderRequest, SELF_TEST_HEADER } from './provider-log.js';

/** A token the double misbehaves for, the same way for every REST provider. */
export type FaultPlan =
  | { kind: 'revoked' }
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'server-error' }
  /** Refuses with a message that repeats the token it was sent. */
  | { kind: 'echo' }
  | { kind: 'malformed' }
  | { kind: 'nonsense' }
  | { kind: 'hang' };

/** The faults every REST double plays, one token each. */
export const FAULT_PLANS = {
  revoked: { kind: 'revoked' },
  rateLimited: { kind: 'rate-limited', retryAfter: '0' },
  rateLimitedLong: { kind: 'rate-limited', retryAfter: '3600' },
  serverError: { kind: 'server-error' },
  echo: { kind: 'echo' },
  malformed: { kind: 'malformed' },
  nonsense: { kind: 'nonsense' },
  hang: { kind: 'hang' },
} as const satisfies Record<string, FaultPlan>;

/** A token the double knows: answered by the provider's routes. */
export interface LivePlan {
  kind: 'live';
  /** The first request of this token is answered 429 (Retry-After: 0). */
  limitOnce?: boolean;
  /** Never answers requests to this path (a hang half-way). */
  hangOn?: string;
}

export interface SeenRequest {
  method: string;
  /** Below the double's base path. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  token?: string;
  /** A POST's body (a GraphQL document and its variables). */
  body?: string;
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A loopback REST provider: bearer tokens, every request logged for the recording proxy (below the
 * base path, as the door sees it) and kept in `requests`, the shared faults played per token, and
 * the provider's own routes for live tokens.
 */
export abstract class RestDouble<P extends LivePlan> {
  readonly requests: SeenRequest[] = [];
  private server: Server | undefined;
  private readonly limited = new Set<string>();

  constructor(
    private readonly provider: string,
    private readonly tokens: Map<string, P | FaultPlan>,
    /** The API's path below the host (Netlify: /api/v1). */
    private readonly base = '',
  ) {}

  /** The provider's error body for a status and message. */
  protected abstract error(status: number, message: string): unknown;
  /** A live token's answer to a GET of `path` (below the base), or to a POST of `body` there. */
  protected abstract route(
    path: string,
    query: URLSearchParams,
    who: P,
    headers: IncomingMessage['headers'],
    body?: string,
  ): Answer;
  /** Whether the API answers a POST at `path` (a GraphQL endpoint); GET only otherwise. */
  protected acceptsPost(_path: string): boolean {
    return false;
  }
  /** Called before the server listens (e.g. to compile schema validators). */
  protected prepare(): void {}
  /** Where the provider reads the token: Bearer for most; Anthropic's `x-api-key` header. */
  protected tokenOf(headers: IncomingMessage['headers']): string | undefined {
    const apiKey = headers['x-api-key'];
    return /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? (typeof apiKey === 'string' ? apiKey : undefined);
  }
  /** The answer to a token the provider does not know (or no longer knows). */
  protected unknownToken(): Answer {
    return { status: 401, body: this.error(401, 'Access denied') };
  }

  async start(): Promise<string> {
    this.prepare();
    this.server = createServer((req, res) => {
      // The body is read first (empty for a GET): the ledger records what a POST asked.
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.base}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    // Hanging requests keep their sockets open: close them, or close() never returns.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string | undefined) {
    const url = new URL(req.url ?? '/', 'http://double');
    const path = url.pathname.startsWith(this.base) ? url.pathname.slice(this.base.length) || '/' : url.pathname;
    const token = this.tokenOf(req.headers);
    if (!req.headers[SELF_TEST_HEADER]) {
      logProviderRequest({
        provider: this.provider,
        method: req.method ?? '',
        what: path,
        path: `${path}${url.search}`,
        ...(body !== undefined ? { body } : {}),
      });
    }
    this.requests.push({
      method: req.method ?? '',
      path,
      query: url.searchParams,
      headers: req.headers,
      ...(token ? { token } : {}),
      ...(body !== undefined ? { body } : {}),
    });
    const who = token ? this.tokens.get(token) : undefined;
    const reply = (a: Answer) =>
      send(res, a.status, typeof a.body === 'string' ? a.body : JSON.stringify(a.body), a.headers);
    switch (who?.kind) {
      case 'hang':
        return;
      case 'echo':
        return reply({ status: 401, body: this.error(401, `Access denied for ${token}`) });
      case 'malformed':
        return reply({ status: 200, body: '{"id": "' });
      case 'nonsense':
        return reply({ status: 200, body: ['welcome'] });
      case 'rate-limited':
        return reply({
          status: 429,
          body: this.error(429, 'Rate limit exceeded'),
          headers: { 'retry-after': who.retryAfter },
        });
      case 'server-error':
        return reply({ status: 502, body: this.error(502, 'Bad gateway') });
      case 'live':
        break;
      default:
        return reply(this.unknownToken());
    }
    if (who.hangOn === path) return;
    if (who.limitOnce && !this.limited.has(token!)) {
      this.limited.add(token!);
      return reply({ status: 429, body: this.error(429, 'Rate limit exceeded'), headers: { 'retry-after': '0' } });
    }
    if (req.method !== 'GET' && !(req.method === 'POST' && this.acceptsPost(path))) {
      return reply({ status: 405, body: this.error(405, 'Method not allowed') });
    }
    reply(this.route(path, url.searchParams, who as P, req.headers, body));
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** Serves a list in pages of `size`, `?page=N` (1-based), with a Link header to the next (Netlify's way). */
export function linkPage<T>(items: T[], query: URLSearchParams, size: number, self: string): Answer {
  const page = Math.max(1, Number(query.get('page') ?? 1));
  const slice = items.slice((page - 1) * size, page * size);
  const more = page * size < items.length;
  const next = new URLSearchParams(query);
  next.set('page', String(page + 1));
  return { status: 200, body: slice, ...(more ? { headers: { link: `<${self}?${next}>; rel="next"` } } : {}) };
}
