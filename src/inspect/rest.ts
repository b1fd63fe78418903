import type { InspectContext } from '../core/provider.js';
import { ProviderUnavailableError } from '../core/errors.js';

/**
 * A JSON REST answer as an inspector reads it: a body it could parse, or a refusal (401/403/404)
 * with the provider's own message. Anything else (a 2xx that is not JSON, a 4xx we did not expect)
 * is the service misbehaving: a ProviderUnavailableError whose message says so. 429 and 5xx never
 * get here: the HTTP door retries them and then throws.
 */
export type RestAnswer =
  | { ok: true; status: number; body: unknown; headers: Headers }
  | { ok: false; status: number; body: unknown; message: string };

/** GET `path` (below the endpoint, query included) with the given headers, and read the JSON. */
export async function getJson(
  ctx: InspectContext,
  provider: string,
  path: string,
  headers: Record<string, string>,
): Promise<RestAnswer> {
  const base = ctx.endpoint.replace(/\/+$/, '');
  const res = await ctx.http.get(`${base}${path}`, { accept: 'application/json', ...headers }, ctx.signal);
  let body: unknown;
  try {
    body = res.text === '' ? undefined : JSON.parse(res.text);
  } catch {
    if (res.status >= 200 && res.status < 300) {
      throw new ProviderUnavailableError(`${provider} answered HTTP ${res.status} with a body that is not JSON`);
    }
    body = undefined;
  }
  if (res.status >= 200 && res.status < 300) {
    if (body === undefined) throw new ProviderUnavailableError(`${provider} answered HTTP ${res.status} with no body`);
    return { ok: true, status: res.status, body, headers: res.headers };
  }
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    return { ok: false, status: res.status, body, message: errorMessage(body, res.status) };
  }
  throw new ProviderUnavailableError(`${provider} answered HTTP ${res.status} to GET ${path.split('?')[0]}`);
}

/**
 * The JSON of an answer an inspector reads by hand (an envelope, GraphQL), or undefined for a
 * 401/403 whose body is not JSON: the status alone is the refusal. Any other body that is not JSON
 * is the service misbehaving.
 */
export function jsonOf(provider: string, status: number, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (status === 401 || status === 403) return undefined;
    throw new ProviderUnavailableError(`${provider} answered HTTP ${status} with a body that is not JSON`);
  }
}

/** The provider's words for a refusal, from the common error shapes, capped in length. */
function errorMessage(body: unknown, status: number): string {
  const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const nested = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>) : {};
  const said = [nested.message, o.message, o.error, o.id].find((v) => typeof v === 'string') as string | undefined;
  return `HTTP ${status}${said ? `: ${said.slice(0, 200)}` : ''}`;
}

/**
 * Readers for a provider's JSON: each checks the shape it reads, so that nonsense from the service
 * becomes a reason ("teams is not a list"), never a crash deep in the walk.
 */
export function shapeReaders(provider: string) {
  const unexpected = (path: string, what: string): never => {
    throw new ProviderUnavailableError(`unexpected answer from ${provider}: ${path} is not ${what}`);
  };
  const obj = (v: unknown, path: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) unexpected(path, 'an object');
    return v as Record<string, unknown>;
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v !== 'string') unexpected(path, 'a string');
    return v as string;
  };
  const optStr = (v: unknown, path: string): string | undefined =>
    v === null || v === undefined ? undefined : str(v, path);
  const optNum = (v: unknown, path: string): number | undefined => {
    if (v === null || v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) unexpected(path, 'a number');
    return v as number;
  };
  const arr = (v: unknown, path: string): unknown[] => {
    if (!Array.isArray(v)) unexpected(path, 'a list');
    return v as unknown[];
  };
  const optBool = (v: unknown, path: string): boolean | undefined => {
    if (v === null || v === undefined) return undefined;
    if (typeof v !== 'boolean') unexpected(path, 'a boolean');
    return v as boolean;
  };
  return { obj, str, optStr, optNum, arr, optBool };
}
