import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GithubDouble, type TokenPlan } from '../github/double.js';
import { example, schemaProblems } from '../github/openapi.js';
import type { OrgWorld } from './world.js';

/** GitHub serves at most this many repositories per page here, so 12 repositories take 3 pages. */
export const PAGE_CAP = 5;

/**
 * A loopback GitHub for org scans. GET /orgs/{org}/repos lists the world's repositories in
 * GitHub's own shape (the `minimal-repository` example of its OpenAPI description, checked
 * against the operation's schema) with Link pagination; every other path goes to the token
 * inspector's double (test/github/double.ts), whose `calls` count the provider requests.
 */
export class OrgDouble {
  readonly inspector: GithubDouble;
  readonly listingCalls: { path: string; query: string; auth: string }[] = [];
  readonly problems: string[] = [];
  private server!: Server;
  url = '';

  constructor(
    private readonly org: string,
    private readonly world: OrgWorld,
    plans: Record<string, TokenPlan & { token: string }>,
  ) {
    this.inspector = new GithubDouble(plans);
  }

  async start(): Promise<this> {
    await this.inspector.start();
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.inspector.stop();
  }

  /** Provider requests that carried the token of `plan`. */
  inspectionsOf(plan: string): number {
    return this.inspector.calls.filter((c) => c.plan === plan).length;
  }

  private repoBody(i: number): unknown {
    const spec = this.world.specs[i]!;
    const base = (example('minimal-repository-items') as Record<string, unknown>[])[0]!;
    const owner = { ...(base.owner as Record<string, unknown>), login: this.org };
    return {
      ...base,
      id: 1000 + i,
      name: spec.name,
      full_name: `${this.org}/${spec.name}`,
      owner,
      html_url: `https://github.com/${this.org}/${spec.name}`,
      url: `https://api.github.com/repos/${this.org}/${spec.name}`,
      clone_url: this.world.cloneUrl(spec.name),
      default_branch: 'main',
      size: spec.size,
      archived: spec.archived ?? false,
      fork: spec.fork ?? false,
    };
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === `/orgs/${this.org}/repos`) {
      this.listingCalls.push({ path: url.pathname, query: url.search, auth: req.headers.authorization ?? '' });
      const perPage = Math.min(PAGE_CAP, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = this.world.specs.map((_, i) => this.repoBody(i));
      const items = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) => {
        const u = new URL(url.href);
        u.searchParams.set('page', String(p));
        u.searchParams.set('per_page', String(perPage));
        return `<${u.href}>; rel="${rel}"`;
      };
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      const problems = schemaProblems('/orgs/{org}/repos', 200, items);
      if (problems?.length) this.problems.push(...problems);
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        ...(links.length ? { link: links.join(', ') } : {}),
      });
      res.end(JSON.stringify(items));
      return;
    }
    if (/^\/orgs\/[^/]+\/repos$/.test(url.pathname)) {
      // Another organization's listing: GitHub answers 404 for an org it does not know.
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }),
      );
      return;
    }
    // Everything else is the token inspector's business: forwarded as it came.
    const body = await new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts)));
    });
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'connection'),
    ) as Record<string, string>;
    const answer = await fetch(this.inspector.url + (req.url ?? '/'), {
      method: req.method ?? 'GET',
      headers,
      ...(body.length ? { body } : {}),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection' && k !== 'content-encoding')
        out[k] = v;
    });
    res.writeHead(answer.status, out);
    res.end(Buffer.from(await answer.arrayBuffer()));
  }
}
