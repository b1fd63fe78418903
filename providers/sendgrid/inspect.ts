import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';
import type { SendgridFacts } from './model.js';
import { buildScope } from './scope.js';

const read = shapeReaders('SendGrid');

function sendgridGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'SendGrid', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** SendGrid's own words for a refusal: `{ errors: [{ message }] }`. */
function said(answer: RestAnswer & { ok: false }): string {
  const errors = (answer.body as { errors?: { message?: unknown }[] } | undefined)?.errors;
  const m =
    Array.isArray(errors) && typeof errors[0]?.message === 'string' ? errors[0].message.slice(0, 120) : undefined;
  return m ? `HTTP ${answer.status}: ${m}` : answer.message;
}

/** Asks SendGrid, read-only, which scopes the key holds (GET /v3/scopes answers with the caller's own). */
export async function inspectSendgrid(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const inspection = await inspectUnscrubbed(credential, ctx);
  // SendGrid's own words travel into reasons: should it echo the key, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const scopes = await sendgridGet(ctx, credential, '/v3/scopes');
  if (!scopes.ok) {
    if (scopes.status === 404) throw new ProviderUnavailableError(`SendGrid answered ${said(scopes)} to /v3/scopes`);
    return {
      verification: 'invalid',
      reason: `SendGrid rejects it (${said(scopes)}): revoked or never issued`,
      scope: null,
    };
  }
  const list = read.arr(read.obj(scopes.body, 'body').scopes, 'scopes').map((s, i) => read.str(s, `scopes[${i}]`));
  const facts: SendgridFacts = { scopes: list };
  const unknowns: Unknown[] = [];

  // Who the key belongs to, and the account's type: harmless reads, each behind its own scope.
  const username = await sendgridGet(ctx, credential, '/v3/user/username');
  if (username.ok) facts.username = read.str(read.obj(username.body, 'username').username, 'username');
  else unknowns.push({ what: 'identity', reason: `SendGrid refused GET /v3/user/username (${said(username)})` });
  const account = await sendgridGet(ctx, credential, '/v3/user/account');
  if (account.ok) facts.accountType = read.str(read.obj(account.body, 'account').type, 'type');
  else unknowns.push({ what: 'account type', reason: `SendGrid refused GET /v3/user/account (${said(account)})` });
  unknowns.push({
    what: 'expiry',
    reason: 'SendGrid shows no expiry for API keys, and none is documented: taken to work until revoked',
  });

  return {
    verification: 'verified',
    reason: `SendGrid accepts it as an API key with ${list.length} scope(s)${facts.username ? ` of account "${facts.username}"` : ''}`,
    scope: buildScope(facts, unknowns),
  };
}
