import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('Render');

/** One read-only GET to Render's API (below /v1), with the key as a bearer token. */
export function renderGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Render', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** Render's largest page. */
const PAGE = 100;

/**
 * Walks a Render list: `[{ <key>: {...}, cursor }]`, the next page asked with `cursor=<last>`,
 * until a page comes back empty (Render may serve fewer than asked) or `limit` items are read. A refusal of the first page is
 * returned; of a later one, thrown.
 */
export async function walkCursor(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  query: Record<string, string>,
  key: string,
  limit: number,
): Promise<
  { ok: true; items: Record<string, unknown>[]; truncated: boolean } | { ok: false; message: string; status: number }
> {
  const items: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const q = new URLSearchParams({ ...query, limit: String(PAGE), ...(cursor ? { cursor } : {}) });
    const answer = await renderGet(ctx, credential, `${path}?${q}`);
    if (!answer.ok) {
      if (items.length > 0)
        throw new ProviderUnavailableError(`Render refused a later page of GET ${path} (${answer.message})`);
      return { ok: false, message: answer.message, status: answer.status };
    }
    const page = read.arr(answer.body, path);
    for (const [i, raw] of page.entries()) {
      const entry = read.obj(raw, `${path}[${i}]`);
      items.push(read.obj(entry[key], `${path}[${i}].${key}`));
      cursor = read.optStr(entry.cursor, `${path}[${i}].cursor`);
    }
    if (page.length === 0 || cursor === undefined)
      return { ok: true, items: items.slice(0, limit), truncated: items.length > limit };
    if (items.length >= limit || seen.has(cursor)) return { ok: true, items: items.slice(0, limit), truncated: true };
    seen.add(cursor);
  }
}
