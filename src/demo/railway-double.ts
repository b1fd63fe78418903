import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ExecutionResult, type GraphQLSchema, graphql } from 'graphql';
import { connection, operationOf, type PageArgs, readBody, send } from './graphql-double.js';

/**
 * A loopback Railway, for the tests and for `tokenscope demo`. Every answer comes from graphql-js
 * executing the request against Railway's schema (the tests: the published one; the demo: the part
 * of it the inspector uses, src/demo/railway-schema.ts), with field resolvers built from the data
 * below: a field the schema lacks, a wrong type or a missing non-null field fails in the double just
 * as it would at Railway, so the shapes are real by construction. Deliberate refusals throw
 * `Refusal`; any other error is recorded in `unexpectedErrors` and tests assert there are none.
 */

export interface Named {
  id: string;
  name: string;
}

export interface DoubleVolumeInstance {
  id: string;
  volume: Named;
  mountPath: string;
  sizeMB: number;
  currentSizeMB: number;
  serviceId: string | null;
}

export interface DoubleEnvironment extends Named {
  volumes: DoubleVolumeInstance[];
}

export interface DoubleProject extends Named {
  workspaceId: string;
  baseEnvironmentId: string | null;
  primaryEnvironmentId: string | null;
  environments: DoubleEnvironment[];
  services: Named[];
  buckets: Named[];
}

export type DoubleToken =
  | {
      kind: 'account';
      user: { id: string; email: string };
      workspaceIds: string[];
      apiTokens: { id: string; name: string; expiresAt: string | null }[];
      /** The first request of this token is answered 429 (Retry-After: 0). */
      limitOnce?: boolean;
      /** Never answers requests whose document's operation has this name (a hang half-way). */
      hangOn?: string;
      /** Workspaces that enforce two-factor authentication, which this user has not set up. */
      twoFactorRequiredBy?: string[];
    }
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'project'; projectId: string; environmentId: string }
  /** An account whose workspace enforces two-factor authentication the user has not set up. */
  | { kind: 'two-factor' }
  | { kind: 'rate-limited'; retryAfter: string }
  /** Refuses every question with a message that repeats the token it was sent. */
  | { kind: 'echo' }
  | { kind: 'malformed' }
  | { kind: 'nonsense' }
  | { kind: 'hang' };

export interface DoubleWorld {
  workspaces: Named[];
  projects: DoubleProject[];
  tokens: Map<string, DoubleToken>;
  /** The largest page the double serves, whatever `first` asks: small, so pagination is exercised. */
  maxPageSize: number;
}

export interface SeenRequest {
  method: string;
  /** Which header carried a token, and the token (tests check where tokens went). */
  auth: 'project' | 'bearer' | 'none';
  token?: string;
  query?: string;
  operation?: string;
  variables?: Record<string, unknown>;
}

/** A refusal the double means to make (Railway's own words), as opposed to a bug in a shape. */
export class Refusal extends Error {}

const NOT_AUTHORIZED = 'Not Authorized';

export class RailwayDouble {
  readonly requests: SeenRequest[] = [];
  readonly unexpectedErrors: string[] = [];
  private server: Server | undefined;
  private readonly limited = new Set<string>();

  constructor(
    private readonly world: DoubleWorld,
    private readonly schema: GraphQLSchema,
    /** Told of every request (the tests' ledger of what reached a provider). */
    private readonly onRequest: (method: string, query: string, headers: IncomingMessage['headers']) => void = () => {},
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/graphql/v2`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    // Hanging requests keep their sockets open: close them, or close() never returns.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const projectHeader = req.headers['project-access-token'];
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = typeof projectHeader === 'string' ? projectHeader : bearer;
    const auth = typeof projectHeader === 'string' ? 'project' : bearer !== undefined ? 'bearer' : 'none';
    let request: { query?: unknown; variables?: unknown } = {};
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      // Recorded below without a query; answered as Railway would answer nonsense.
    }
    const query = typeof request.query === 'string' ? request.query : undefined;
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    this.onRequest(req.method ?? '', query ?? '', req.headers);
    this.requests.push({
      method: req.method ?? '',
      auth,
      ...(token !== undefined ? { token } : {}),
      ...(query !== undefined ? { query, operation: operationOf(query)?.operation, variables } : {}),
    });

    const who = token !== undefined ? this.world.tokens.get(token) : undefined;
    switch (who?.kind) {
      case 'hang':
        return; // never answers; the client's timeout must end it
      case 'echo':
        return send(res, 200, JSON.stringify({ data: null, errors: [{ message: `Not Authorized: ${token}` }] }));
      case 'malformed':
        return send(res, 200, '{"data": {"projectToken": {"projectId": ');
      case 'nonsense':
        return send(res, 200, JSON.stringify({ status: 'ok', message: 'welcome to the API' }));
      case 'rate-limited':
        return send(res, 429, JSON.stringify({ errors: [{ message: 'Rate limit exceeded' }] }), {
          'retry-after': who.retryAfter,
        });
    }
    if (who?.kind === 'account' && who.hangOn && query?.includes(`query ${who.hangOn}(`)) return;
    if (who?.kind === 'account' && who.limitOnce && token && !this.limited.has(token)) {
      this.limited.add(token);
      return send(res, 429, JSON.stringify({ errors: [{ message: 'Rate limit exceeded' }] }), { 'retry-after': '0' });
    }
    if (req.method !== 'POST' || query === undefined) {
      return send(res, 400, JSON.stringify({ errors: [{ message: 'Must provide query string.' }] }));
    }
    const principal = who && (auth === 'project') === (who.kind === 'project') ? who : undefined;
    const result = await graphql({
      schema: this.schema,
      source: query,
      variableValues: variables,
      rootValue: this.root(principal),
    });
    this.check(result);
    send(res, 200, JSON.stringify(result));
  }

  private check(result: ExecutionResult): void {
    for (const e of result.errors ?? []) {
      if (!(e.originalError instanceof Refusal)) this.unexpectedErrors.push(e.message);
    }
  }

  /** The root resolvers, as the principal (or nobody) sees them. */
  private root(who: DoubleToken | undefined): Record<string, unknown> {
    const w = this.world;
    const deny = (message = NOT_AUTHORIZED): never => {
      throw new Refusal(message);
    };
    const reachable = (p: DoubleProject): boolean =>
      who?.kind === 'account'
        ? who.workspaceIds.includes(p.workspaceId)
        : who?.kind === 'workspace'
          ? who.workspaceId === p.workspaceId
          : who?.kind === 'project' && who.projectId === p.id;
    const environmentVisible = (p: DoubleProject, envId: string): boolean =>
      reachable(p) && (who?.kind !== 'project' || who.environmentId === envId);

    return {
      projectToken: () => {
        if (who?.kind !== 'project') return deny();
        const p = w.projects.find((x) => x.id === who.projectId)!;
        const e = p.environments.find((x) => x.id === who.environmentId)!;
        return {
          projectId: p.id,
          environmentId: e.id,
          project: this.project(p),
          environment: this.environment(p, e),
        };
      },
      me: () => {
        if (who?.kind === 'two-factor') return deny('Two Factor Authentication Required');
        if (who?.kind === 'workspace' || who?.kind === 'project') {
          return deny('This query cannot be used with a workspace or project token');
        }
        if (who?.kind !== 'account') return deny();
        return { ...who.user, workspaces: w.workspaces.filter((x) => who.workspaceIds.includes(x.id)) };
      },
      apiToken: () => {
        if (who?.kind === 'workspace') return { workspaces: w.workspaces.filter((x) => x.id === who.workspaceId) };
        if (who?.kind === 'account') return { workspaces: w.workspaces.filter((x) => who.workspaceIds.includes(x.id)) };
        return deny();
      },
      apiTokens: (args: PageArgs) => {
        if (who?.kind !== 'account') return deny();
        return this.page(
          who.apiTokens.map((t) => ({ ...t, workspaceId: null })),
          args,
        );
      },
      projects: (args: PageArgs & { workspaceId?: string | null }) => {
        if (who?.kind !== 'account' && who?.kind !== 'workspace') return deny();
        if (who.kind === 'account' && args.workspaceId && who.twoFactorRequiredBy?.includes(args.workspaceId)) {
          return deny('Two Factor Authentication Required');
        }
        const own = who.kind === 'account' ? who.workspaceIds : [who.workspaceId];
        if (args.workspaceId && !own.includes(args.workspaceId)) return deny();
        const list = w.projects.filter(
          (p) => reachable(p) && (!args.workspaceId || p.workspaceId === args.workspaceId),
        );
        return this.page(
          list.map((p) => this.project(p)),
          args,
        );
      },
      project: ({ id }: { id: string }) => {
        const p = w.projects.find((x) => x.id === id);
        if (!p || !reachable(p) || who?.kind === 'project') return deny();
        return this.project(p);
      },
      environment: ({ id }: { id: string }) => {
        const p = w.projects.find((x) => x.environments.some((e) => e.id === id));
        if (!p || !environmentVisible(p, id)) return deny();
        return this.environment(p, p.environments.find((e) => e.id === id)!);
      },
    };
  }

  private project(p: DoubleProject): Record<string, unknown> {
    const workspace = this.world.workspaces.find((x) => x.id === p.workspaceId) ?? null;
    return {
      id: p.id,
      name: p.name,
      baseEnvironmentId: p.baseEnvironmentId,
      primaryEnvironmentId: p.primaryEnvironmentId,
      workspace,
      environments: (args: PageArgs) =>
        this.page(
          p.environments.map((e) => this.environment(p, e)),
          args,
        ),
      services: (args: PageArgs) => this.page(p.services, args),
      buckets: (args: PageArgs) => this.page(p.buckets, args),
    };
  }

  /** A Relay connection, pages no larger than the world allows. */
  private page<T>(items: T[], args: PageArgs): Record<string, unknown> {
    return connection(items, args, this.world.maxPageSize);
  }

  private environment(p: DoubleProject, e: DoubleEnvironment): Record<string, unknown> {
    return {
      id: e.id,
      name: e.name,
      volumeInstances: (args: PageArgs) => this.page(e.volumes, args),
      // Every service of the project is deployed in every environment.
      serviceInstances: (args: PageArgs) =>
        this.page(
          p.services.map((s) => ({ serviceId: s.id, serviceName: s.name })),
          args,
        ),
    };
  }
}
