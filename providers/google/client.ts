import type { KeyObject } from 'node:crypto';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import type { InspectContext } from '../../src/core/provider.js';
import { jsonOf, shapeReaders } from '../../src/inspect/rest.js';
import { signAssertion } from './jwt.js';
import { OAUTH_DEFAULT } from './model.js';

export const NAME = 'Google Cloud';
export const read = shapeReaders(NAME);

/** Google's answer to the token exchange: an access token, or its refusal in OAuth's words. */
export type Exchange = { ok: true; accessToken: string; expiresIn?: number } | { ok: false; refusal: string };

/** The token URL: the configured OAuth endpoint (flag, environment, Action input), never the file's. */
export function tokenUrl(ctx: InspectContext): string {
  return `${(ctx.extraEndpoints?.oauth ?? OAUTH_DEFAULT).replace(/\/+$/, '')}/token`;
}

/** Trades a signed assertion for a read-only access token (creates nothing at Google). */
export async function exchange(
  ctx: InspectContext,
  key: KeyObject,
  who: { clientEmail: string; keyId: string },
): Promise<Exchange> {
  const url = tokenUrl(ctx);
  const assertion = signAssertion(key, { ...who, tokenUrl: url });
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
  const res = await ctx.http.post(
    url,
    body.toString(),
    { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    ctx.signal,
  );
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    const o = jsonOf(NAME, res.status, res.text);
    const e = typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : {};
    const code = typeof e.error === 'string' ? e.error : `HTTP ${res.status}`;
    // The assertion is itself a credential for its ten minutes: should the answer quote it, it is cut.
    const said =
      typeof e.error_description === 'string'
        ? `: ${e.error_description.split(assertion).join('[redacted]').slice(0, 200)}`
        : '';
    return { ok: false, refusal: `${code}${said}` };
  }
  if (res.status !== 200)
    throw new ProviderUnavailableError(`${NAME} answered HTTP ${res.status} to the token exchange`);
  const t = read.obj(jsonOf(NAME, res.status, res.text), 'the token answer');
  const accessToken = read.str(t.access_token, 'access_token');
  const expiresIn = read.optNum(t.expires_in, 'expires_in');
  return { ok: true, accessToken, ...(expiresIn !== undefined ? { expiresIn } : {}) };
}

/** A Resource Manager answer: its JSON, or Google's refusal (`{error: {code, message, status}}`). */
export type ApiAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; message: string };

export async function api(
  ctx: InspectContext,
  accessToken: string,
  method: 'GET' | 'POST',
  path: string,
  payload?: unknown,
): Promise<ApiAnswer> {
  const url = `${ctx.endpoint.replace(/\/+$/, '')}${path}`;
  const headers = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
  const res =
    method === 'GET'
      ? await ctx.http.get(url, headers, ctx.signal)
      : await ctx.http.post(
          url,
          JSON.stringify(payload),
          { ...headers, 'content-type': 'application/json' },
          ctx.signal,
        );
  const o = jsonOf(NAME, res.status, res.text);
  if (res.status >= 200 && res.status < 300) return { ok: true, body: read.obj(o, 'the answer') };
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    const e =
      typeof o === 'object' && o !== null
        ? (o as { error?: { message?: unknown; status?: unknown } }).error
        : undefined;
    const said = [e?.status, e?.message].filter((x) => typeof x === 'string').join(': ');
    return { ok: false, status: res.status, message: `HTTP ${res.status}${said ? ` ${said.slice(0, 200)}` : ''}` };
  }
  throw new ProviderUnavailableError(`${NAME} answered HTTP ${res.status} to ${method} ${path.split('?')[0]}`);
}
