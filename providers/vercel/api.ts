import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('Vercel');

/** One read-only GET to Vercel with the token as a bearer token. */
export function vercelGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Vercel', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** Vercel's page size for every listing we walk (its maximum is 100). */
export const PAGE_SIZE = 100;

/**
 * Walks a Vercel listing: `{ <key>: [...], pagination: { next } }`, the next page asked with
 * `until=<next>`. Stops at `limit` items; a refusal of a later page is a fault, not a verdict.
 */
export async function walkList(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  query: Record<string, string>,
  key: string,
  limit: number,
): Promise<{ items: unknown[]; truncated: boolean }> {
  const items: unknown[] = [];
  const seen = new Set<number>();
  let until: number | undefined;
  for (;;) {
    const q = new URLSearchParams({ ...query, limit: String(PAGE_SIZE), ...(until ? { until: String(until) } : {}) });
    const answer = await vercelGet(ctx, credential, `${path}?${q}`);
    if (!answer.ok) throw new ProviderUnavailableError(`Vercel refused GET ${path} (${answer.message})`);
    const body = read.obj(answer.body, path);
    items.push(...read.arr(body[key], key));
    const next =
      body.pagination === undefined
        ? undefined
        : read.optNum(read.obj(body.pagination, 'pagination').next, 'pagination.next');
    if (next === undefined || items.length >= limit)
      return { items: items.slice(0, limit), truncated: next !== undefined };
    // A cursor seen twice would loop forever on a confused server.
    if (seen.has(next)) return { items, truncated: true };
    seen.add(next);
    until = next;
  }
}
