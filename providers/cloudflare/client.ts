import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { jsonOf } from '../../src/inspect/rest.js';

/** Cloudflare's v4 envelope: `{success, errors, result, result_info}`. */
export type Answer =
  | { ok: true; result: unknown; info?: { page?: number; total_pages?: number } }
  | { ok: false; status: number; message: string };

export function authHeaders(credential: Credential): Record<string, string> {
  const secret = credential.secret.reveal();
  const email = credential.parts.email?.reveal();
  // A Global API Key travels with its user's email; tokens as bearers.
  if (secret.startsWith('cfk_') || /^[a-f0-9]{37}$/.test(secret)) {
    return email ? { 'X-Auth-Email': email, 'X-Auth-Key': secret } : {};
  }
  return { Authorization: `Bearer ${secret}` };
}

export async function get(ctx: InspectContext, credential: Credential, path: string): Promise<Answer> {
  const url = `${ctx.endpoint.replace(/\/+$/, '')}${path}`;
  const res = await ctx.http.get(url, { ...authHeaders(credential), Accept: 'application/json' }, ctx.signal);
  const body = jsonOf('Cloudflare', res.status, res.text);
  if (body === undefined) return { ok: false, status: res.status, message: `HTTP ${res.status}` };
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    typeof (body as { success?: unknown }).success !== 'boolean'
  ) {
    throw new ProviderUnavailableError(
      `Cloudflare answered ${path.split('?')[0]} with JSON that is not its API envelope`,
    );
  }
  const b = body as {
    success: boolean;
    errors?: unknown;
    result?: unknown;
    result_info?: { page?: number; total_pages?: number };
  };
  if (!b.success || res.status >= 400) {
    if (res.status >= 500) throw new ProviderUnavailableError(`Cloudflare answered HTTP ${res.status}`);
    const errors = Array.isArray(b.errors) ? b.errors : [];
    const message = errors
      .map((e) =>
        typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
          ? (e as { message: string }).message
          : '',
      )
      .filter(Boolean)
      .join('; ')
      .slice(0, 300);
    return { ok: false, status: res.status, message: message || `HTTP ${res.status}` };
  }
  return { ok: true, result: b.result, ...(b.result_info ? { info: b.result_info } : {}) };
}

const MAX_PAGES = 20;

/** Every page of a listing, counted here (`?page=N`), never followed from the answer. */
export async function list(
  ctx: InspectContext,
  credential: Credential,
  path: string,
  pick: (result: unknown) => unknown[] = (r) => (Array.isArray(r) ? r : []),
): Promise<
  { ok: true; items: Record<string, unknown>[]; truncated: boolean } | { ok: false; status: number; message: string }
> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const a = await get(ctx, credential, `${path}?page=${page}&per_page=50`);
    if (!a.ok) return a;
    const batch = pick(a.result);
    if (!Array.isArray(batch))
      throw new ProviderUnavailableError(`unexpected answer from Cloudflare: ${path} is not a list`);
    for (const x of batch) {
      if (typeof x !== 'object' || x === null)
        throw new ProviderUnavailableError(`unexpected answer from Cloudflare: an item of ${path} is not an object`);
      items.push(x as Record<string, unknown>);
    }
    const total = a.info?.total_pages;
    if (batch.length === 0 || typeof total !== 'number' || page >= total) return { ok: true, items, truncated: false };
  }
  return { ok: true, items, truncated: true };
}

export function str(v: unknown, what: string): string {
  if (typeof v !== 'string')
    throw new ProviderUnavailableError(`unexpected answer from Cloudflare: ${what} is not a string`);
  return v;
}
