import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('Heroku');

const ACCEPT = 'application/vnd.heroku+json; version=3';

/** One read-only GET to Heroku's Platform API, version 3, with the token as a bearer token. */
export function herokuGet(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  extra: Record<string, string> = {},
): Promise<RestAnswer> {
  return getJson(ctx, 'Heroku', path, {
    accept: ACCEPT,
    Authorization: `Bearer ${credential.secret.reveal()}`,
    ...extra,
  });
}

/** Heroku's largest page. */
const PAGE = 1000;

/**
 * Walks a Heroku list: ranges asked with the `Range` header, a 206 answer carrying `Next-Range`
 * for the rest. Stops at `limit` items. A refusal (an insufficient scope) is returned, not thrown.
 */
export async function walkRanges(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  limit: number,
): Promise<{ ok: true; items: unknown[]; truncated: boolean } | { ok: false; message: string; status: number }> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let range = `id ..; max=${PAGE}`;
  for (;;) {
    const answer = await herokuGet(ctx, credential, path, { Range: range });
    if (!answer.ok) {
      if (items.length > 0)
        throw new ProviderUnavailableError(`Heroku refused a later page of GET ${path} (${answer.message})`);
      return { ok: false, message: answer.message, status: answer.status };
    }
    items.push(...read.arr(answer.body, path));
    const next = answer.status === 206 ? answer.headers.get('next-range') : null;
    if (!next || items.length >= limit) return { ok: true, items: items.slice(0, limit), truncated: Boolean(next) };
    // A range seen twice would loop forever on a confused server.
    if (seen.has(next)) return { ok: true, items, truncated: true };
    seen.add(next);
    range = next;
  }
}
