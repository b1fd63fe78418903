import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ExecutionResult, GraphQLError, graphql } from 'graphql';
import { connection, operationOf, type PageArgs, readBody, send } from '../helpers/graphql-double.js';
import { logProviderRequest, SELF_TEST_HEADER } from '../helpers/provider-log.js';
import { flySchema } from './schema.js';

/**
 * A loopback Fly.io GraphQL API. Every answer comes from graphql-js executing the request against
 * Fly's published schema (test/fixtures/flyio), with resolvers built from the world below: a field
 * the schema lacks or a missing non-null field fails here as it would at Fly, so shapes are real by
 * construction. Deliberate refusals are GraphQLErrors with code UNAUTHORIZED (Fly's wording is
 * modelled, UNCONFIRMED); any other error lands in `unexpectedErrors`, which tests assert empty.
 */

export interface DoubleVolume {
  id: string;
  name: string;
  sizeGb: number;
  region: string;
}

export interface DoubleApp {
  id: string;
  numericId: number;
  name: string;
  status: string;
  postgres: boolean;
  machines: number;
  volumes: DoubleVolume[];
}

export interface DoubleOrg {
  id: string;
  numericId: number;
  slug: string;
  name: string;
  type: 'PERSONAL' | 'SHARED';
  apps: DoubleApp[];
}

export type DoubleToken =
  | { kind: 'user'; email: string; orgSlugs: string[]; role: string; limitOnce?: boolean; hangOn?: string }
  /** A macaroon: its organization, and the apps its caveats name (all when absent). */
  | { kind: 'macaroon'; orgSlug: string; appNames?: string[] }
  | { kind: 'revoked' }
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'server-error' }
  | { kind: 'echo' }
  | { kind: 'malformed' }
  | { kind: 'nonsense' }
  | { kind: 'hang' };

export interface FlyWorld {
  orgs: DoubleOrg[];
  /** Keyed by the Authorization value's credential: `fo1_...` or the whole `FlyV1 fm2_...`. */
  tokens: Map<string, DoubleToken>;
  maxPageSize: number;
}

export interface SeenRequest {
  method: string;
  path: string;
  scheme: 'Bearer' | 'FlyV1' | 'none';
  token?: string;
  query?: string;
  operation?: string;
  variables?: Record<string, unknown>;
}

const unauthorized = (message = 'You must be authenticated to view this.'): never => {
  throw new GraphQLError(message, { extensions: { code: 'UNAUTHORIZED' } });
};

export class FlyDouble {
  readonly requests: SeenRequest[] = [];
  readonly unexpectedErrors: string[] = [];
  private server: Server | undefined;
  private readonly limited = new Set<string>();

  constructor(private readonly world: FlyWorld) {
    // Built once, up front: building it on the first request would cost that request its timeout.
    flySchema();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/graphql`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const m = /^(Bearer|FlyV1) (.+)$/.exec(req.headers.authorization ?? '');
    const scheme = (m?.[1] as 'Bearer' | 'FlyV1' | undefined) ?? 'none';
    const token = m ? (m[1] === 'FlyV1' ? `FlyV1 ${m[2]}` : m[2]) : undefined;
    let request: { query?: unknown; variables?: unknown } = {};
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      // answered below as Fly would answer nonsense
    }
    const query = typeof request.query === 'string' ? request.query : undefined;
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    const path = (req.url ?? '/').replace(/^\/graphql/, '') || '/';
    if (!req.headers[SELF_TEST_HEADER]) {
      logProviderRequest({
        provider: 'flyio',
        method: req.method ?? '',
        what: operationOf(query)?.name?.value ?? '',
        path,
        body,
      });
    }
    this.requests.push({
      method: req.method ?? '',
      path,
      scheme,
      ...(token !== undefined ? { token } : {}),
      ...(query !== undefined ? { query, operation: operationOf(query)?.operation, variables } : {}),
    });
    const who = token !== undefined ? this.world.tokens.get(token) : undefined;
    switch (who?.kind) {
      case 'hang':
        return;
      case 'echo':
        return send(res, 200, JSON.stringify({ data: null, errors: [{ message: `unauthorized token ${token}` }] }));
      case 'malformed':
        return send(res, 200, '{"data": {"organizations": ');
      case 'nonsense':
        return send(res, 200, JSON.stringify({ status: 'ok' }));
      case 'rate-limited':
        return send(res, 429, JSON.stringify({ errors: [{ message: 'Rate limit exceeded' }] }), {
          'retry-after': who.retryAfter,
        });
      case 'server-error':
        return send(res, 502, '<html>bad gateway</html>', { 'content-type': 'text/html' });
    }
    if (who?.kind === 'user' && who.hangOn && query?.includes(`query ${who.hangOn}(`)) return;
    if (who?.kind === 'user' && who.limitOnce && token && !this.limited.has(token)) {
      this.limited.add(token);
      return send(res, 429, JSON.stringify({ errors: [{ message: 'Rate limit exceeded' }] }), { 'retry-after': '0' });
    }
    if (req.method !== 'POST' || query === undefined) {
      return send(res, 400, JSON.stringify({ errors: [{ message: 'No query string was present' }] }));
    }
    const result = await graphql({
      schema: flySchema(),
      source: query,
      variableValues: variables,
      rootValue: this.root(who),
    });
    this.check(result);
    send(res, 200, JSON.stringify(result));
  }

  private check(result: ExecutionResult): void {
    for (const e of result.errors ?? []) {
      if (e.extensions?.code !== 'UNAUTHORIZED') this.unexpectedErrors.push(e.message);
    }
  }

  private root(who: DoubleToken | undefined): Record<string, unknown> {
    const w = this.world;
    const live = who?.kind === 'user' || who?.kind === 'macaroon' ? who : undefined;
    const orgVisible = (o: DoubleOrg) =>
      live?.kind === 'user' ? live.orgSlugs.includes(o.slug) : live?.kind === 'macaroon' && live.orgSlug === o.slug;
    const appVisible = (a: DoubleApp) => live?.kind !== 'macaroon' || !live.appNames || live.appNames.includes(a.name);
    return {
      viewer: () => {
        // Whether Fly answers `viewer` for a macaroon is UNCONFIRMED: the double refuses.
        if (live?.kind !== 'user') return unauthorized();
        return { __typename: 'User', email: live.email };
      },
      userOnlyToken: () => (live ? live.kind === 'user' : unauthorized()),
      organizations: (args: PageArgs) => {
        if (!live) return unauthorized();
        return connection(
          w.orgs.filter(orgVisible).map((o) => this.org(o, live, appVisible)),
          args,
          w.maxPageSize,
        );
      },
      organization: ({ slug }: { slug?: string }) => {
        const o = w.orgs.find((x) => x.slug === slug);
        if (!live || !o || !orgVisible(o)) return unauthorized('Could not find Organization');
        return this.org(o, live, appVisible);
      },
    };
  }

  private org(o: DoubleOrg, who: DoubleToken, appVisible: (a: DoubleApp) => boolean): Record<string, unknown> {
    return {
      id: o.id,
      internalNumericId: String(o.numericId),
      slug: o.slug,
      name: o.name,
      type: o.type,
      viewerRole: who.kind === 'user' ? who.role : '',
      apps: (args: PageArgs) =>
        connection(
          o.apps.filter(appVisible).map((a) => this.app(a)),
          args,
          this.world.maxPageSize,
        ),
    };
  }

  private app(a: DoubleApp): Record<string, unknown> {
    return {
      id: a.id,
      internalNumericId: a.numericId,
      name: a.name,
      status: a.status,
      deployed: a.status === 'deployed',
      role: a.postgres
        ? { __typename: 'PostgresClusterAppRole', name: 'postgres_cluster', databases: [], users: [] }
        : { __typename: 'EmptyAppRole', name: '' },
      machines: () => ({ totalCount: a.machines, nodes: [], edges: [], pageInfo: { hasNextPage: false } }),
      volumes: (args: PageArgs) => ({
        ...connection(a.volumes, { first: args.first ?? 50 }, 1000),
        totalCount: a.volumes.length,
      }),
    };
  }
}
