import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { jsonOf } from '../../src/inspect/rest.js';

/** How a token is presented: project tokens have their own header, the others are bearer tokens. */
export type AuthStyle = 'project' | 'bearer';

/** What a GraphQL answer means to us, once its errors are read. */
export type Answer =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; refusal: 'not-authorized' | 'two-factor' | 'other'; message: string };

/**
 * Railway's few words for "no": an unknown or revoked token reads "Not Authorized"; other
 * refusals (a `me` asked with a workspace token, a project token not found) are also refusals of
 * this token for this question, not a fault of the service.
 */
const NOT_AUTHORIZED = /not authori[sz]ed|unauthori[sz]ed|cannot be used with|not found|invalid token|forbidden/i;
const TWO_FACTOR = /two[- ]?factor|\b2fa\b/i;

/** One read-only question to Railway, with the token in the header its kind requires. */
export async function ask(
  ctx: InspectContext,
  credential: Credential,
  auth: AuthStyle,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const headers: Record<string, string> =
    auth === 'project'
      ? { 'Project-Access-Token': credential.secret.reveal() }
      : { Authorization: `Bearer ${credential.secret.reveal()}` };
  const res = await ctx.http.graphql(ctx.endpoint, query, variables, headers, ctx.signal);
  return readAnswer(res.status, res.text);
}

/** Turns an HTTP answer into data or a refusal; anything else is the service misbehaving. */
export function readAnswer(status: number, text: string): Answer {
  const body = jsonOf('Railway', status, text);
  if (body === undefined) return { ok: false, refusal: 'not-authorized', message: `HTTP ${status}` };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderUnavailableError(`Railway answered HTTP ${status} with JSON that is not a GraphQL response`);
  }
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined) {
    const messages = errorMessages(errors);
    if (messages.length > 0) {
      const message = messages.join('; ').slice(0, 300);
      const refusal = TWO_FACTOR.test(message)
        ? 'two-factor'
        : NOT_AUTHORIZED.test(message)
          ? 'not-authorized'
          : 'other';
      return { ok: false, refusal, message };
    }
  }
  if (status === 401 || status === 403) return { ok: false, refusal: 'not-authorized', message: `HTTP ${status}` };
  if (status < 200 || status >= 300) throw new ProviderUnavailableError(`Railway answered HTTP ${status}`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ProviderUnavailableError('Railway answered a GraphQL response without data or errors');
  }
  return { ok: true, data: data as Record<string, unknown> };
}

function errorMessages(errors: unknown): string[] {
  if (!Array.isArray(errors)) {
    throw new ProviderUnavailableError('Railway answered with an `errors` field that is not a list');
  }
  return errors.map((e) =>
    typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
      ? (e as { message: string }).message
      : 'an error without a message',
  );
}

/** Data or a thrown error: for questions whose refusal leaves nothing sensible to report. */
export function dataOrThrow(answer: Answer, what: string): Record<string, unknown> {
  if (answer.ok) return answer.data;
  throw new ProviderUnavailableError(`Railway refused to list ${what}: ${answer.message}`);
}
