import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, send } from '../helpers/graphql-double.js';
import { logProviderRequest, SELF_TEST_HEADER } from '../helpers/provider-log.js';

/**
 * A loopback DigitalOcean API (https://api.digitalocean.com/v2), answering in the shapes of
 * DigitalOcean's OpenAPI description (digitalocean/openapi, specification/resources: account,
 * projects with `environment`, project resources as URNs, droplets, volumes, domains; lists carry
 * `links` and `meta.total`; errors are `{id, message}`). It also serves /v2/databases, with the
 * connection password DigitalOcean puts there, so a test can prove the inspector never asks.
 */

export interface DoProjectSpec {
  id: string;
  name: string;
  environment: 'Development' | 'Staging' | 'Production';
  isDefault: boolean;
  /** URNs: do:droplet:ID, do:volume:ID, do:dbaas:UUID, do:domain:NAME. */
  resources: string[];
}

export interface DoWorld {
  account: { email: string; uuid: string; team: { uuid: string; name: string } };
  projects: DoProjectSpec[];
  droplets: { id: number; name: string }[];
  volumes: { id: string; name: string; sizeGigabytes: number }[];
  domains: string[];
  databases: { id: string; name: string; password: string }[];
  tokens: Map<string, DoToken>;
  maxPageSize: number;
}

export type DoToken =
  | { kind: 'full' }
  /** Custom scopes: only these listings may be read (keys: account, projects, droplets, volumes, domains). */
  | { kind: 'custom'; reads: string[] }
  | { kind: 'revoked' }
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'server-error' }
  | { kind: 'malformed' }
  | { kind: 'nonsense' }
  | { kind: 'hang' };

export interface SeenRequest {
  method: string;
  path: string;
  token?: string;
}

export class DoDouble {
  readonly requests: SeenRequest[] = [];
  private server: Server | undefined;

  constructor(private readonly world: DoWorld) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = req.url ?? '/';
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!req.headers[SELF_TEST_HEADER]) {
      logProviderRequest({
        provider: 'digitalocean',
        method: req.method ?? '',
        what: path.split('?')[0]!,
        path,
        ...(body ? { body } : {}),
      });
    }
    this.requests.push({ method: req.method ?? '', path, ...(token !== undefined ? { token } : {}) });
    const who = token !== undefined ? this.world.tokens.get(token) : undefined;
    const error = (status: number, id: string, message: string, headers: Record<string, string> = {}) =>
      send(res, status, JSON.stringify({ id, message }), headers);
    switch (who?.kind) {
      case undefined:
      case 'revoked':
        return error(401, 'Unauthorized', 'Unable to authenticate you');
      case 'hang':
        return;
      case 'malformed':
        return send(res, 200, '{"account": {"email": ');
      case 'nonsense':
        return send(res, 200, '[1, 2, 3]');
      case 'rate-limited':
        return error(429, 'too_many_requests', 'API rate limit exceeded.', { 'retry-after': who.retryAfter });
      case 'server-error':
        return error(500, 'server_error', 'Server Error');
    }
    if (req.method !== 'GET') return error(405, 'method_not_allowed', 'Method not allowed');
    const url = new URL(path, 'http://double');
    const scope = who as Extract<DoToken, { kind: 'full' | 'custom' }>;
    const allowed = (key: string) => scope.kind === 'full' || scope.reads.includes(key);
    const forbidden = () => error(403, 'forbidden', 'You are not authorized to perform this operation');
    const w = this.world;
    const p = url.pathname;
    if (p === '/v2/account') {
      if (!allowed('account')) return forbidden();
      return send(
        res,
        200,
        JSON.stringify({
          account: {
            droplet_limit: 25,
            floating_ip_limit: 3,
            volume_limit: 100,
            email: w.account.email,
            name: 'Ops',
            uuid: w.account.uuid,
            email_verified: true,
            status: 'active',
            status_message: '',
            team: w.account.team,
          },
        }),
      );
    }
    if (p === '/v2/projects') {
      if (!allowed('projects')) return forbidden();
      return this.page(
        res,
        url,
        'projects',
        w.projects.map((x) => ({
          id: x.id,
          owner_uuid: w.account.uuid,
          owner_id: 258992,
          name: x.name,
          description: '',
          purpose: 'Web Application',
          environment: x.environment,
          created_at: '2024-01-01T00:00:00Z',
          updated_at: '2024-01-01T00:00:00Z',
          is_default: x.isDefault,
        })),
      );
    }
    const resources = /^\/v2\/projects\/([^/]+)\/resources$/.exec(p);
    if (resources) {
      if (!allowed('projects')) return forbidden();
      const project = w.projects.find((x) => x.id === decodeURIComponent(resources[1]!));
      if (!project) return error(404, 'not_found', 'The resource you requested could not be found.');
      return this.page(
        res,
        url,
        'resources',
        project.resources.map((urn) => ({
          urn,
          assigned_at: '2024-01-02T00:00:00Z',
          links: { self: `https://api.digitalocean.com/v2/${urn.split(':')[1]}s/${urn.split(':')[2]}` },
          status: 'ok',
        })),
      );
    }
    if (p === '/v2/droplets') {
      if (!allowed('droplets')) return forbidden();
      return this.page(
        res,
        url,
        'droplets',
        w.droplets.map((d) => ({
          id: d.id,
          name: d.name,
          memory: 1024,
          vcpus: 1,
          disk: 25,
          locked: false,
          status: 'active',
          created_at: '2024-01-01T00:00:00Z',
          features: [],
          backup_ids: [],
          snapshot_ids: [],
          image: { id: 1, name: 'ubuntu-24-04-x64' },
          volume_ids: [],
          size_slug: 's-1vcpu-1gb',
          networks: { v4: [], v6: [] },
          region: { slug: 'fra1', name: 'Frankfurt 1' },
          tags: [],
          vpc_uuid: '5a4981aa-9653-4bd1-bef5-d6bff52042e4',
        })),
      );
    }
    if (p === '/v2/volumes') {
      if (!allowed('volumes')) return forbidden();
      return this.page(
        res,
        url,
        'volumes',
        w.volumes.map((v) => ({
          id: v.id,
          name: v.name,
          size_gigabytes: v.sizeGigabytes,
          description: '',
          droplet_ids: [],
          region: { slug: 'fra1', name: 'Frankfurt 1' },
          created_at: '2024-01-01T00:00:00Z',
          filesystem_type: 'ext4',
          filesystem_label: '',
          tags: [],
        })),
      );
    }
    if (p === '/v2/domains') {
      if (!allowed('domains')) return forbidden();
      return this.page(
        res,
        url,
        'domains',
        w.domains.map((name) => ({ name, ttl: 1800, zone_file: `$ORIGIN ${name}.\n` })),
      );
    }
    if (p === '/v2/databases') {
      return send(
        res,
        200,
        JSON.stringify({
          databases: w.databases.map((d) => ({
            id: d.id,
            name: d.name,
            engine: 'pg',
            connection: {
              uri: `postgres://doadmin:${d.password}@db.example.com:25060/defaultdb`,
              user: 'doadmin',
              password: d.password,
            },
          })),
        }),
      );
    }
    return error(404, 'not_found', 'The resource you requested could not be found.');
  }

  /** One page of a list, as DigitalOcean pages: `page`, `per_page`, `links.pages`, `meta.total`. */
  private page(res: ServerResponse, url: URL, key: string, items: unknown[]): void {
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const per = Math.min(Number(url.searchParams.get('per_page') ?? 20), this.world.maxPageSize);
    const slice = items.slice((page - 1) * per, page * per);
    const last = Math.max(1, Math.ceil(items.length / per));
    const link = (n: number) => `https://api.digitalocean.com${url.pathname}?page=${n}&per_page=${per}`;
    const pages = page < last ? { next: link(page + 1), last: link(last) } : {};
    send(res, 200, JSON.stringify({ [key]: slice, links: { pages }, meta: { total: items.length } }));
  }
}
