import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { jsonOf } from '../../src/inspect/rest.js';

/** A listing's answer: its items, or DigitalOcean's refusal. */
export type Listing<T> =
  | { ok: true; items: T[]; truncated: boolean }
  | { ok: false; status: 401 | 403; message: string };

const PER_PAGE = 200;
/** Pages followed per listing at most: a confused server that never runs out stops here. */
const MAX_PAGES = 25;

/** One GET below the endpoint, with the token as a bearer; JSON object or a refusal. */
async function get(
  ctx: InspectContext,
  credential: Credential,
  path: string,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; status: 401 | 403; message: string }> {
  const url = `${ctx.endpoint.replace(/\/+$/, '')}${path}`;
  const res = await ctx.http.get(
    url,
    { Authorization: `Bearer ${credential.secret.reveal()}`, Accept: 'application/json' },
    ctx.signal,
  );
  const body = jsonOf('DigitalOcean', res.status, res.text);
  if (res.status === 401 || res.status === 403) {
    const m = (body as { message?: unknown } | null)?.message;
    return { ok: false, status: res.status, message: typeof m === 'string' ? m.slice(0, 200) : `HTTP ${res.status}` };
  }
  if (res.status < 200 || res.status >= 300)
    throw new ProviderUnavailableError(`DigitalOcean answered HTTP ${res.status}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderUnavailableError(`DigitalOcean answered ${path.split('?')[0]} with JSON that is not an object`);
  }
  return { ok: true, body: body as Record<string, unknown> };
}

export async function getObject(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  key: string,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; status: 401 | 403; message: string }> {
  const r = await get(ctx, credential, path);
  if (!r.ok) return r;
  const v = r.body[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ProviderUnavailableError(`unexpected answer from DigitalOcean: ${key} is not an object`);
  }
  return { ok: true, value: v as Record<string, unknown> };
}

/**
 * Every page of a listing. Pages are counted here (`?page=N`), never followed from the answer's
 * `links`: a link names a host, and the token goes only to the configured endpoint.
 */
export async function list(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  key: string,
): Promise<Listing<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await get(ctx, credential, `${path}?page=${page}&per_page=${PER_PAGE}`);
    if (!r.ok) return r;
    const batch = r.body[key];
    if (!Array.isArray(batch))
      throw new ProviderUnavailableError(`unexpected answer from DigitalOcean: ${key} is not a list`);
    for (const [i, x] of batch.entries()) {
      if (typeof x !== 'object' || x === null)
        throw new ProviderUnavailableError(`unexpected answer from DigitalOcean: ${key}[${i}] is not an object`);
      items.push(x as Record<string, unknown>);
    }
    const total = (r.body.meta as { total?: unknown } | undefined)?.total;
    const done = batch.length === 0 || (typeof total === 'number' ? items.length >= total : batch.length < PER_PAGE);
    if (done) return { ok: true, items, truncated: false };
  }
  return { ok: true, items, truncated: true };
}

export function text(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new ProviderUnavailableError(`unexpected answer from DigitalOcean: ${what} is not a string`);
}
