import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';

/**
 * What the loopback GraphQL doubles share (the demo's Railway, and the tests' Railway and Fly.io):
 * body reading, answers, pages.
 */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A Relay connection (edges and nodes both, as providers offer both), opaque cursors, pages no larger than `max`. */
export function connection<T>(items: T[], args: PageArgs, max: number): Record<string, unknown> {
  const start = args.after ? Number(Buffer.from(args.after, 'base64url').toString()) + 1 : 0;
  const size = Math.min(args.first ?? max, max);
  const slice = items.slice(start, start + size);
  const cursor = (i: number) => Buffer.from(String(start + i)).toString('base64url');
  return {
    edges: slice.map((node, i) => ({ cursor: cursor(i), node })),
    nodes: slice,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + size < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursor(0) : null,
      endCursor: slice.length > 0 ? cursor(slice.length - 1) : null,
    },
  };
}

/** The first operation of a document, or undefined when it does not parse. */
export function operationOf(query: string | undefined): OperationDefinitionNode | undefined {
  if (query === undefined) return undefined;
  try {
    return parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return undefined;
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}
