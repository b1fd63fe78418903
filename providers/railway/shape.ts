import { ProviderUnavailableError } from '../../src/core/errors.js';

/**
 * Readers for Railway's answers: each checks the shape it reads, so that nonsense from the
 * service becomes a reason ("projects.edges is not a list"), never a crash deep in the walk.
 */
function unexpected(path: string, what: string): never {
  throw new ProviderUnavailableError(`unexpected answer from Railway: ${path} is not ${what}`);
}

export function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) unexpected(path, 'an object');
  return v as Record<string, unknown>;
}

export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') unexpected(path, 'a string');
  return v;
}

export function optStr(v: unknown, path: string): string | undefined {
  return v === null || v === undefined ? undefined : str(v, path);
}

export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) unexpected(path, 'a number');
  return v;
}

export function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) unexpected(path, 'a list');
  return v;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | undefined;
}

/** Reads one page of a Relay connection, each node through `read`. */
export function page<T>(v: unknown, path: string, read: (node: unknown, path: string) => T): Page<T> {
  const c = obj(v, path);
  const edges = arr(c.edges, `${path}.edges`);
  const info = obj(c.pageInfo, `${path}.pageInfo`);
  if (typeof info.hasNextPage !== 'boolean') unexpected(`${path}.pageInfo.hasNextPage`, 'a boolean');
  const endCursor = optStr(info.endCursor, `${path}.pageInfo.endCursor`);
  return {
    nodes: edges.map((e, i) => read(obj(e, `${path}.edges[${i}]`).node, `${path}.edges[${i}].node`)),
    // A page that says "more" without a cursor to ask for it cannot be followed: stop there.
    hasNextPage: info.hasNextPage && endCursor !== undefined,
    endCursor,
  };
}

/** Follows a connection from its first page until it ends or `limit` nodes are read. */
export async function walk<T>(
  first: Page<T>,
  next: (after: string) => Promise<Page<T>>,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ nodes: T[]; truncated: boolean }> {
  const nodes = [...first.nodes];
  let current = first;
  const seen = new Set<string>();
  while (current.hasNextPage && current.endCursor !== undefined && nodes.length < limit) {
    // A cursor seen twice would loop forever on a confused server.
    if (seen.has(current.endCursor)) break;
    seen.add(current.endCursor);
    current = await next(current.endCursor);
    nodes.push(...current.nodes);
  }
  return {
    nodes: nodes.slice(0, limit),
    truncated: nodes.length > limit || (current.hasNextPage && nodes.length >= limit),
  };
}
