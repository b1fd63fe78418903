import { ProviderUnavailableError } from '../core/errors.js';
import type { InspectContext } from '../core/provider.js';
import { scrub } from '../core/scrub.js';
import type { Credential, Inspection, Scope, Unknown } from '../core/types.js';
import { type WhoamiSpec, whoamiVerifies } from '../core/whoami.js';
import type { HttpResponse } from './http.js';

/**
 * Sends a provider's one "who am I" request (src/core/whoami.ts) through its read-only door and
 * reads the answer: live (verified, with whatever the answer says of identity, scopes, reach and
 * plan), rejected (invalid), or the reason it could not tell.
 */
export async function inspectWhoami(
  name: string,
  spec: WhoamiSpec,
  credential: Credential,
  ctx: InspectContext,
): Promise<Inspection> {
  const only = spec.only;
  if (
    only &&
    (!whoamiVerifies(spec, credential.ruleId) ||
      (only.pattern !== undefined && !new RegExp(only.pattern).test(credential.secret.reveal())))
  ) {
    return { verification: 'unverified', reason: only.otherwise, scope: null };
  }
  const inspection = await ask(name, spec, credential, ctx);
  // The provider's own words travel into reasons: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function ask(name: string, spec: WhoamiSpec, credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const op = spec.operation;
  const request = `${op.method} ${op.path}`;
  const url = `${ctx.endpoint.replace(/\/+$/, '')}${op.path}`;
  const headers = { accept: 'application/json', ...spec.headers, ...authHeader(spec, credential.secret.reveal()) };
  const res =
    op.method === 'GET'
      ? await ctx.http.get(url, headers, ctx.signal)
      : await ctx.http.graphql(url, op.body.graphql[0], {}, headers, ctx.signal);

  const rejects = spec.rejects;
  if (
    res.status === 401 ||
    (rejects?.status === res.status && wordsOf(res, spec.errorWords).some((w) => w.includes(rejects.says)))
  ) {
    const words = res.status === 401 ? refusal(res, spec.errorWords) : `HTTP ${res.status}: ${rejects!.says}`;
    return {
      verification: 'invalid',
      reason: `${name} rejects it (${words}): revoked, expired or never issued`,
      scope: null,
    };
  }
  if (res.status === 403) {
    return {
      verification: 'unverified',
      reason: `${name} refused ${request} (${refusal(res, spec.errorWords)}): the token may be live without the right to read its own identity, or disabled`,
      scope: null,
    };
  }
  if (res.status < 200 || res.status >= 300) {
    throw new ProviderUnavailableError(`${name} answered HTTP ${res.status} to ${request}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw new ProviderUnavailableError(`${name} answered HTTP ${res.status} with a body that is not JSON`);
  }
  return verified(name, spec, request, body, credential);
}

function authHeader(spec: WhoamiSpec, token: string): Record<string, string> {
  if (spec.auth.scheme === 'bearer') return { authorization: `Bearer ${token}` };
  const { name, prefix, separator = ' ' } = spec.auth;
  return { [name]: prefix ? `${prefix}${separator}${token}` : token };
}

function verified(name: string, spec: WhoamiSpec, said: string, body: unknown, credential: Credential): Inspection {
  const r = spec.read;
  const unexpected = (p: string, what: string) =>
    new ProviderUnavailableError(`unexpected answer from ${name}: ${p || 'the answer'} is not ${what}`);
  if (r.expect === '[]') {
    if (!Array.isArray(body) || !body.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
      throw unexpected('', 'a list of objects');
    }
  } else {
    const expected = at(body, r.expect);
    if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) {
      throw unexpected(r.expect, 'an object');
    }
  }

  const found = (r.identity ?? [])
    .map((p) => at(body, p))
    .find((v) => (typeof v === 'string' && v !== '') || typeof v === 'number');
  const identity = found === undefined ? null : `${r.identityIs ? `${r.identityIs} ` : ''}${String(found)}`;
  const unknowns: Unknown[] = [...spec.unknowns];
  if (identity === null) {
    unknowns.unshift({ what: 'identity', reason: `${name}'s answer to ${said} names no account or user` });
  }
  const reach: Record<string, string[]> = {};
  for (const [word, p] of Object.entries(r.reach ?? {})) {
    const v = at(body, p);
    const names = typeof v === 'string' && v !== '' ? [v] : Array.isArray(v) ? strings(v) : [];
    if (names.length > 0) reach[word] = names;
  }
  const tokenType =
    typeof r.tokenType === 'string' ? r.tokenType : r.tokenType ? stringOr(at(body, r.tokenType.path)) : undefined;
  const scope: Scope = {
    identity,
    tokenType: tokenType ?? credential.kind,
    permissions: r.permissions ? strings(at(body, r.permissions)) : [],
    capabilities: [],
    reach,
    expiresAt: r.expiresAt ? isoTime(at(body, r.expiresAt)) : null,
    unknowns,
  };
  const plan = r.plan ? stringOr(at(body, r.plan)) : undefined;
  const about = [identity, plan ? `plan ${plan}` : undefined].filter(Boolean).join('; ');
  return {
    verification: 'verified',
    reason: `${name} accepts it (${said})${about ? `: ${about}` : ''}`,
    scope,
  };
}

/**
 * The value at a dotted path ('' is the body itself); `list[]` maps the rest of the path over a
 * list, so `workspaces[].name` is every workspace's name.
 */
export function at(body: unknown, path: string): unknown {
  if (path === '') return body;
  const [head, ...rest] = path.split('.');
  const many = head!.endsWith('[]');
  const key = many ? head!.slice(0, -2) : head!;
  const o = body as Record<string, unknown> | null;
  const v = typeof o === 'object' && o !== null && !Array.isArray(o) && Object.hasOwn(o, key) ? o[key] : undefined;
  if (!many) return rest.length === 0 ? v : at(v, rest.join('.'));
  if (!Array.isArray(v)) return undefined;
  return rest.length === 0 ? v : v.map((x) => at(x, rest.join('.')));
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean);
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    return Object.entries(v).flatMap(([k, on]) => (on === true ? [k] : []));
  }
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string' && x !== '');
}

function stringOr(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isoTime(v: unknown): string | null {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null;
}

/** `HTTP 401`, with the provider's own words when its error body has them (capped). */
function refusal(res: HttpResponse, own: string | undefined): string {
  const words = wordsOf(res, own)[0];
  return `HTTP ${res.status}${words ? `: ${words.slice(0, 200)}` : ''}`;
}

/** Every string the provider's error body says, its own field first, then the common shapes. */
function wordsOf(res: HttpResponse, own: string | undefined): string[] {
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = undefined;
  }
  return [
    own === undefined ? undefined : at(body, own),
    at(body, 'message'),
    at(body, 'error.message'),
    at(body, 'error'),
    at(body, 'detail'),
    at(body, 'errors[].message'),
    at(body, 'errors'),
  ]
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && v !== '');
}
