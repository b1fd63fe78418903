import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { example, schemaProblems } from '../github/openapi.js';

/**
 * A loopback GitHub for the Action's pull-request comment: list, create, update and delete issue
 * comments, in the shapes of GitHub's OpenAPI description (each comment starts from its
 * `issue-comment` example, and every list served is checked against the list operation's schema).
 * Every call is recorded with its method, path, token and body.
 */

export interface Call {
  method: string;
  path: string;
  token: string;
  body?: { body?: string };
}

export interface Comment {
  id: number;
  body: string;
  login: string;
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403',
};

export class CommentsDouble {
  readonly calls: Call[] = [];
  readonly problems: string[] = [];
  readonly comments: Comment[] = [];
  /** A fork's read-only token: every write is refused with GitHub's 403. */
  readOnly = false;
  private nextId = 1000;
  private server!: Server;
  url = '';

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      req.on('end', () => this.answer(req, res, raw));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A comment someone else wrote (no marker): the Action must leave it alone. */
  seed(body: string, login = 'octocat'): Comment {
    const c = { id: this.nextId++, body, login };
    this.comments.push(c);
    return c;
  }

  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  private commentBody(c: Comment): Record<string, unknown> {
    const base = example('issue-comment') as Record<string, unknown>;
    const user = {
      ...(base['user'] as Record<string, unknown>),
      login: c.login,
      type: c.login.endsWith('[bot]') ? 'Bot' : 'User',
    };
    return {
      ...base,
      id: c.id,
      body: c.body,
      user,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`,
    };
  }

  private answer(req: IncomingMessage, res: ServerResponse, raw: string): undefined {
    const url = new URL(req.url ?? '/', this.url);
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    let body: Call['body'];
    try {
      body = raw ? (JSON.parse(raw) as Call['body']) : undefined;
    } catch {
      body = undefined;
    }
    this.calls.push({ method: req.method ?? '', path: url.pathname, token, ...(body ? { body } : {}) });
    const prefix = `/repos/${this.owner}/${this.repo}/issues/`;
    const list = new RegExp(`^${prefix}(\\d+)/comments$`).exec(url.pathname);
    const one = new RegExp(`^${prefix}comments/(\\d+)$`).exec(url.pathname);
    if (list && req.method === 'GET') {
      const items = this.comments.map((c) => this.commentBody(c));
      const problems = schemaProblems('/repos/{owner}/{repo}/issues/{issue_number}/comments', 200, items);
      if (problems?.length) this.problems.push(...problems);
      return this.send(res, 200, items);
    }
    if ((list && req.method === 'POST') || (one && (req.method === 'PATCH' || req.method === 'DELETE'))) {
      if (this.readOnly) return this.send(res, 403, FORBIDDEN);
    }
    if (list && req.method === 'POST') {
      const c = { id: this.nextId++, body: body?.body ?? '', login: 'github-actions[bot]' };
      this.comments.push(c);
      return this.send(res, 201, this.commentBody(c));
    }
    if (one) {
      const c = this.comments.find((x) => x.id === Number(one[1]));
      if (!c) return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      if (req.method === 'PATCH') {
        c.body = body?.body ?? c.body;
        return this.send(res, 200, this.commentBody(c));
      }
      if (req.method === 'DELETE') {
        this.comments.splice(this.comments.indexOf(c), 1);
        res.writeHead(204).end();
        return;
      }
    }
    this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  private send(res: ServerResponse, status: number, body: unknown): undefined {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': 'TEST:1' });
    res.end(JSON.stringify(body));
  }
}
