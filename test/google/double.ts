import { createVerify, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { READ_ONLY_SCOPE } from '../../providers/google/model.js';
import { logProviderRequest, SELF_TEST_HEADER } from '../helpers/provider-log.js';
import type { FaultPlan } from '../helpers/rest-double.js';

/**
 * Google's token endpoint and Cloud Resource Manager v1 on one loopback server (the inspector is
 * given this URL for both of its endpoints). The token endpoint checks the JWT bearer grant as
 * Google documents it: RS256 over header.payload with the key's public half, the key id, `aud`
 * this server's own token URL, the scope, and a lifetime of at most an hour. Shapes: the token
 * answer {access_token, expires_in, token_type}; OAuth refusals {error, error_description};
 * API errors {error: {code, message, status}}; v1 projects.list and projects.testIamPermissions.
 */

export interface GoogleProject {
  projectId: string;
  projectNumber: string;
  name: string;
  labels?: Record<string, string>;
  lifecycleState?: 'ACTIVE' | 'DELETE_REQUESTED';
}

export interface LiveKey {
  kind: 'live';
  publicKey: KeyObject;
  keyId: string;
  /** Projects the account can list (resourcemanager.projects.get). */
  sees: string[];
  /** Project id -> the permissions the account holds there. */
  grants: Record<string, string[]>;
  /** The first request with this key's token is answered 429 (Retry-After: 0). */
  limitOnce?: boolean;
  /** Never answers requests to this path (a hang half-way). */
  hangOn?: string;
  /** The Resource Manager API is off in the account's project: every call is refused 403. */
  apiDisabled?: boolean;
}

/** A key Google deleted (or disabled): its signature no longer verifies. */
export interface RevokedKey {
  kind: 'revoked';
}

export type KeyPlan = LiveKey | RevokedKey | FaultPlan;

export interface SeenRequest {
  method: string;
  path: string;
  /** The key file (the credential) whose assertion or access token this request carried. */
  token?: string;
  body: string;
}

export class GoogleDouble {
  readonly requests: SeenRequest[] = [];
  /** Every assertion the token endpoint accepted, decoded (tests read `aud`, `scope`). */
  readonly assertions: Record<string, unknown>[] = [];
  private server: Server | undefined;
  private url = '';
  /** Access token -> client email, for every token issued (tests check none is ever printed). */
  readonly accessTokens = new Map<string, string>();
  private readonly limited = new Set<string>();

  constructor(
    private readonly projects: GoogleProject[],
    /** Client email -> plan, and the key file of that email. */
    private readonly keys: Map<string, { plan: KeyPlan; json: string }>,
    private readonly pageSize = 2,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => this.handle(req, body, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://double');
    const method = req.method ?? '';
    const isToken = url.pathname === '/token';
    if (!req.headers[SELF_TEST_HEADER]) {
      logProviderRequest({
        provider: 'google',
        method,
        what: url.pathname,
        path: `${url.pathname}${url.search}`,
        // The assertion is a credential of its own (for ten minutes): the ledger does not keep it.
        ...(isToken ? {} : { body }),
      });
    }
    const email = isToken ? issuerOf(body) : this.accessTokens.get(bearer(req) ?? '');
    const entry = email ? this.keys.get(email) : undefined;
    this.requests.push({ method, path: url.pathname, body, ...(entry ? { token: entry.json } : {}) });
    const reply = (status: number, answer: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
    };
    const plan = entry?.plan;
    switch (plan?.kind) {
      case 'hang':
        return;
      case 'rate-limited':
        return reply(429, apiError(429, 'Quota exceeded', 'RESOURCE_EXHAUSTED'), { 'retry-after': plan.retryAfter });
      case 'server-error':
        return reply(502, apiError(502, 'Bad Gateway', 'UNAVAILABLE'));
      case 'malformed':
        return reply(200, '{"access_token": "');
      case 'nonsense':
        return reply(200, ['welcome']);
      case 'echo':
        return reply(400, { error: 'invalid_grant', error_description: `bad assertion ${body}` });
      default:
        break;
    }
    if (isToken) {
      if (method !== 'POST') return reply(405, { error: 'invalid_request', error_description: 'POST only' });
      const answer = this.exchange(body, plan);
      return reply(answer.status, answer.body);
    }
    if (plan?.kind !== 'live') {
      return reply(
        401,
        apiError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token.',
          'UNAUTHENTICATED',
        ),
      );
    }
    if (plan.hangOn === url.pathname) return;
    if (plan.limitOnce && !this.limited.has(email!)) {
      this.limited.add(email!);
      return reply(429, apiError(429, 'Quota exceeded', 'RESOURCE_EXHAUSTED'), { 'retry-after': '0' });
    }
    if (plan.apiDisabled) {
      return reply(
        403,
        apiError(
          403,
          'Cloud Resource Manager API has not been used in project 123456789012 before or it is disabled.',
          'PERMISSION_DENIED',
        ),
      );
    }
    if (method === 'GET' && url.pathname === '/v1/projects') return reply(200, this.list(plan, url.searchParams));
    const tested = /^\/v1\/projects\/([a-z][a-z0-9-]{4,28}[a-z0-9]):testIamPermissions$/.exec(url.pathname);
    if (method === 'POST' && tested) {
      const answer = testPermissions(plan.grants[tested[1]!] ?? [], body);
      return reply(answer.status, answer.body);
    }
    return reply(404, apiError(404, 'Requested entity was not found.', 'NOT_FOUND'));
  }

  /** The JWT bearer grant, checked as Google's token endpoint checks it. */
  private exchange(body: string, plan: KeyPlan | undefined): { status: number; body: unknown } {
    const form = new URLSearchParams(body);
    const refuse = (error: string, description: string) => ({
      status: 400,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
      return refuse('unsupported_grant_type', 'Invalid grant_type: ');
    const parts = (form.get('assertion') ?? '').split('.');
    if (parts.length !== 3) return refuse('invalid_grant', 'Invalid JWT: not a JWT');
    const [h, p, sig] = parts as [string, string, string];
    const header = decode(h);
    const claims = decode(p);
    if (!header || !claims) return refuse('invalid_grant', 'Invalid JWT: malformed');
    if (!plan) return refuse('invalid_grant', 'Invalid grant: account not found');
    if (plan.kind !== 'live') return refuse('invalid_grant', 'Invalid JWT Signature.');
    const verified =
      header.alg === 'RS256' &&
      header.kid === plan.keyId &&
      createVerify('RSA-SHA256').update(`${h}.${p}`).verify(plan.publicKey, Buffer.from(sig, 'base64url'));
    if (!verified) return refuse('invalid_grant', 'Invalid JWT Signature.');
    if (claims.aud !== `${this.url}/token`)
      return refuse('invalid_grant', 'Invalid JWT: Failed audience check. The expected audience is the token URL.');
    const now = Date.now() / 1000;
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (!(exp > iat && exp - iat <= 3600 && Math.abs(iat - now) < 300 && exp > now))
      return refuse(
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
      );
    if (claims.scope !== READ_ONLY_SCOPE)
      return refuse('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    this.assertions.push(claims);
    const accessToken = `ya29.c.${randomBytes(48).toString('base64url')}`;
    this.accessTokens.set(accessToken, String(claims.iss));
    return { status: 200, body: { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' } };
  }

  /** v1 projects.list: the projects the account can get, a page at a time. */
  private list(plan: LiveKey, query: URLSearchParams): unknown {
    const visible = this.projects.filter((p) => plan.sees.includes(p.projectId));
    const size = Math.min(Number(query.get('pageSize') ?? this.pageSize) || this.pageSize, this.pageSize);
    const start = Number(Buffer.from(query.get('pageToken') ?? '', 'base64url').toString() || 0);
    const page = visible.slice(start, start + size).map((p) => ({
      projectNumber: p.projectNumber,
      projectId: p.projectId,
      lifecycleState: p.lifecycleState ?? 'ACTIVE',
      name: p.name,
      ...(p.labels ? { labels: p.labels } : {}),
      createTime: '2024-03-11T09:12:44.511Z',
      parent: { type: 'organization', id: '455121390714' },
    }));
    const next = start + size < visible.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
    // Google leaves out empty fields: no projects, no `projects`.
    return { ...(page.length ? { projects: page } : {}), ...(next ? { nextPageToken: next } : {}) };
  }
}

/** projects.testIamPermissions: the asked permissions the caller holds; `{}` when none. */
function testPermissions(granted: string[], body: string): { status: number; body: unknown } {
  let asked: unknown;
  try {
    asked = (JSON.parse(body) as { permissions?: unknown }).permissions;
  } catch {
    return { status: 400, body: apiError(400, 'Invalid JSON payload received.', 'INVALID_ARGUMENT') };
  }
  if (!Array.isArray(asked) || asked.some((a) => typeof a !== 'string' || a.includes('*')))
    return {
      status: 400,
      body: apiError(400, 'Permissions must be listed; wildcards are not allowed.', 'INVALID_ARGUMENT'),
    };
  const held = (asked as string[]).filter((a) => granted.includes(a));
  return { status: 200, body: held.length ? { permissions: held } : {} };
}

function apiError(code: number, message: string, status: string) {
  return { error: { code, message, status } };
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const o = JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown;
    return typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `iss` of the form's assertion, read without trusting it (to find the key's plan). */
function issuerOf(body: string): string | undefined {
  const p = (new URLSearchParams(body).get('assertion') ?? '').split('.')[1];
  const iss = p ? decode(p)?.iss : undefined;
  return typeof iss === 'string' ? iss : undefined;
}
