import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { jsonOf } from '../../src/inspect/rest.js';
import { isMacaroonText } from './claims.js';

export type Answer =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; refusal: 'unauthorized' | 'other'; message: string };

/**
 * Fly.io's words for "this token may not": an unknown, revoked or expired token, or one whose
 * caveats forbid the question. (Message wording and the UNAUTHORIZED code: modelled, UNCONFIRMED.)
 */
const UNAUTHORIZED =
  /unauthori[sz]ed|not authori[sz]ed|must be authenticated|authenticat|expired|revoked|forbidden|permission|not allowed|not found/i;

/** The Authorization value a token travels in: macaroons in Fly's own scheme, fo1_ as a bearer. */
export function authorization(secret: string): string {
  const s = secret.trim();
  if (!isMacaroonText(s)) return `Bearer ${s}`;
  return s.startsWith('FlyV1') ? s.replace(/^FlyV1\s+/, 'FlyV1 ') : `FlyV1 ${s}`;
}

export async function ask(
  ctx: InspectContext,
  credential: Credential,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const headers = { Authorization: authorization(credential.secret.reveal()) };
  const res = await ctx.http.graphql(ctx.endpoint, query, variables, headers, ctx.signal);
  return readAnswer(res.status, res.text);
}

export function readAnswer(status: number, text: string): Answer {
  const body = jsonOf('Fly.io', status, text);
  if (body === undefined) return { ok: false, refusal: 'unauthorized', message: `HTTP ${status}` };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderUnavailableError(`Fly.io answered HTTP ${status} with JSON that is not a GraphQL response`);
  }
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) {
    const parts = errors.map((e) => {
      const o = (typeof e === 'object' && e !== null ? e : {}) as {
        message?: unknown;
        extensions?: { code?: unknown };
      };
      return {
        message: typeof o.message === 'string' ? o.message : 'an error without a message',
        code: typeof o.extensions?.code === 'string' ? o.extensions.code : '',
      };
    });
    const message = parts
      .map((p) => p.message)
      .join('; ')
      .slice(0, 300);
    const unauthorized = parts.some((p) => /UNAUTHORI[SZ]ED|FORBIDDEN/.test(p.code) || UNAUTHORIZED.test(p.message));
    return { ok: false, refusal: unauthorized ? 'unauthorized' : 'other', message };
  }
  if (status === 401 || status === 403) return { ok: false, refusal: 'unauthorized', message: `HTTP ${status}` };
  if (status < 200 || status >= 300) throw new ProviderUnavailableError(`Fly.io answered HTTP ${status}`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ProviderUnavailableError('Fly.io answered a GraphQL response without data or errors');
  }
  return { ok: true, data: data as Record<string, unknown> };
}
