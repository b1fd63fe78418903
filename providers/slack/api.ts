import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('Slack');

/** Slack's words for a token it does not (or no longer) accept. */
const DEAD = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

export type SlackAnswer =
  | { ok: true; body: Record<string, unknown>; scopes: string[] }
  | { ok: false; dead: boolean; error: string };

/**
 * Calls one Slack method with a GET (Slack methods take GET or POST alike, and the verb does not
 * make them safe: the operations list names each method). Slack answers HTTP 200 with
 * `{ ok: false, error }` for refusals; the token's scopes ride on `X-OAuth-Scopes`.
 */
export async function slackCall(
  ctx: InspectContext,
  credential: Credential,
  method: string,
  query = '',
): Promise<SlackAnswer> {
  const answer = await getJson(ctx, 'Slack', `/${method}${query}`, {
    Authorization: `Bearer ${credential.secret.reveal()}`,
  });
  if (!answer.ok) return { ok: false, dead: answer.status === 401, error: answer.message };
  const body = read.obj(answer.body, 'body');
  const ok = read.optBool(body.ok, 'ok');
  if (ok === undefined) throw new ProviderUnavailableError(`unexpected answer from Slack: ${method} has no "ok"`);
  if (!ok) {
    const error = read.optStr(body.error, 'error') ?? 'unknown_error';
    return { ok: false, dead: DEAD.has(error), error: error.slice(0, 80) };
  }
  const header = answer.headers.get('x-oauth-scopes') ?? '';
  const scopes = header
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[a-z][a-z0-9_.:-]{0,60}$/i.test(s));
  return { ok: true, body, scopes };
}
