import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('Netlify');

/** One read-only GET to Netlify's API (below /api/v1), with the token as a bearer token. */
export function netlifyGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Netlify', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** The path and query of a Link header's rel="next" URL, below the endpoint, when there is one. */
function nextPage(link: string | null, endpoint: string): string | undefined {
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '');
  if (!m) return undefined;
  const url = new URL(m[1]!, endpoint);
  const base = new URL(endpoint).pathname.replace(/\/+$/, '');
  // A next page elsewhere is not followed: the token goes only below the configured endpoint.
  if (url.origin !== new URL(endpoint).origin || !url.pathname.startsWith(`${base}/`)) return undefined;
  return `${url.pathname.slice(base.length)}${url.search}`;
}

/**
 * Walks a Netlify list, following `Link: <...>; rel="next"` (Netlify pages its lists that way).
 * Stops at `limit` items. A refusal of the first page is returned; of a later page, thrown.
 */
export async function walkPages(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  limit: number,
): Promise<{ ok: true; items: unknown[]; truncated: boolean } | { ok: false; message: string; status: number }> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let next: string | undefined = path;
  while (next !== undefined) {
    const answer = await netlifyGet(ctx, credential, next);
    if (!answer.ok) {
      if (items.length > 0)
        throw new ProviderUnavailableError(`Netlify refused a later page of GET ${path} (${answer.message})`);
      return { ok: false, message: answer.message, status: answer.status };
    }
    items.push(...read.arr(answer.body, path));
    seen.add(next);
    next = nextPage(answer.headers.get('link'), ctx.endpoint);
    if (next !== undefined && (items.length >= limit || seen.has(next)))
      return { ok: true, items: items.slice(0, limit), truncated: true };
  }
  return { ok: true, items, truncated: false };
}
