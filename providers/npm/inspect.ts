import { createHash } from 'node:crypto';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Capability, Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { npmGet, read } from './api.js';
import { type NpmFacts, type PackageFact, PUBLIC_REGISTRY_HOST, patternCovers } from './model.js';

/** Pages of the token list walked at most: a confused server must not keep us here. */
const MAX_TOKEN_PAGES = 20;

/** Asks the configured npm registry, read-only, who the token is and what it can publish. */
export async function inspectNpm(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const secret = credential.secret.reveal();
  if (!secret.startsWith('npm_') && new URL(ctx.endpoint).hostname === PUBLIC_REGISTRY_HOST) {
    // Not sent: the public registry revoked every classic token on 2025-12-09 and issues only
    // npm_ tokens; a bare value there is dead, or belongs to a private registry it must not reach.
    return {
      verification: 'invalid',
      reason:
        'a classic-format token: registry.npmjs.org revoked every classic token on 2025-12-09 (not sent; set --npm-registry-url if it belongs to a private registry)',
      scope: null,
    };
  }
  const inspection = await inspectUnscrubbed(credential, ctx, secret);
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext, secret: string): Promise<Inspection> {
  const who = await npmGet(ctx, credential, '/-/whoami');
  if (!who.ok) {
    if (who.status === 404) throw new ProviderUnavailableError(`npm answered ${who.message} to /-/whoami`);
    return {
      verification: 'invalid',
      reason: `npm rejects it (${who.message}): expired, revoked, never issued, or limited to other IP ranges`,
      scope: null,
    };
  }
  const user = read.str(read.obj(who.body, 'body').username, 'username');
  const unknowns: Unknown[] = [];

  const entry = await ownTokenEntry(ctx, credential, secret, unknowns);
  const tfa = await twoFactorMode(ctx, credential, unknowns);
  const access = await packageAccess(ctx, credential, user, unknowns);
  const weekly = await weeklyDownloads(ctx, credential, user, unknowns);

  const all: PackageFact[] = [...access].map(([name, a]) => ({
    name,
    access: a,
    ...(weekly.has(name) ? { weekly: weekly.get(name)! } : {}),
  }));
  const byDownloads = (a: PackageFact, b: PackageFact) => (b.weekly ?? -1) - (a.weekly ?? -1);
  const canWrite = (p: PackageFact) =>
    p.access === 'read-write' &&
    entry?.readonly !== true &&
    (entry?.writePatterns === undefined || entry.writePatterns.some((pattern) => patternCovers(pattern, p.name)));
  const facts: NpmFacts = {
    user,
    ...(entry?.readonly !== undefined ? { readonly: entry.readonly } : {}),
    listed: entry !== undefined,
    ...(entry?.writePatterns ? { writePatterns: entry.writePatterns } : {}),
    cidr: entry?.cidr ?? [],
    ...(tfa ? { tfa } : {}),
    publishable: all.filter(canWrite).sort(byDownloads),
    readable: all.filter((p) => !canWrite(p)).sort(byDownloads),
  };
  if (entry === undefined || entry.readonly === undefined) {
    unknowns.push({
      what: 'read-only or publish',
      reason:
        'the token list has no entry for this token (a granular token, a session token, or a list this token may not read): the packages listed are what its user can publish, an upper bound',
    });
  }
  if (facts.publishable.length > 0) {
    unknowns.push({
      what: 'two-factor bypass',
      reason:
        "whether this token publishes without a one-time password (an automation token, or a granular token set to bypass 2FA) and each package's own 2FA setting are not readable",
    });
  }
  const kind =
    facts.readonly === true ? 'read-only token' : facts.readonly === false ? 'publish token' : 'access token';
  return {
    verification: 'verified',
    reason: `npm accepts it as user "${user}"${facts.publishable.length > 0 ? `, able to publish ${facts.publishable.length} package(s)` : ''}`,
    scope: {
      identity: `npm user ${user}`,
      tokenType: kind,
      permissions: [
        facts.readonly === true ? 'read-only' : facts.readonly === false ? 'read and publish' : 'read; publish unknown',
        ...(facts.cidr.length > 0 ? [`allowed IP ranges: ${facts.cidr.join(', ')}`] : []),
        ...(facts.tfa ? [`account 2FA: ${facts.tfa}`] : []),
      ],
      capabilities: capabilities(facts),
      reach: Object.fromEntries(
        Object.entries({
          'publishable packages': facts.publishable.map((p) => p.name),
          'readable packages': facts.readable.map((p) => p.name),
        }).filter(([, v]) => v.length > 0),
      ),
      // npm's list shows no expiry for classic tokens, and a granular token's is not in it (UNCONFIRMED).
      expiresAt: null,
      unknowns,
      facts: { npm: facts },
    },
  };
}

function capabilities(f: NpmFacts): Capability[] {
  return [
    ...f.publishable.map((p) => ({
      action: 'write' as const,
      resource: `publish new versions of package "${p.name}"`,
    })),
    ...f.readable.map((p) => ({ action: 'read' as const, resource: `package "${p.name}"` })),
  ];
}

interface OwnEntry {
  readonly?: boolean;
  cidr: string[];
  writePatterns?: string[];
}

/**
 * The token list entry for this very token: its `key` is the token's sha512 in hex, computed here.
 * Only that entry's flags are kept; the list shows other tokens only redacted, and we keep none.
 */
async function ownTokenEntry(
  ctx: InspectContext,
  credential: Credential,
  secret: string,
  unknowns: Unknown[],
): Promise<OwnEntry | undefined> {
  const key = createHash('sha512').update(secret).digest('hex');
  let query = '';
  for (let page = 0; page < MAX_TOKEN_PAGES; page++) {
    const answer = await npmGet(ctx, credential, `/-/npm/v1/tokens${query}`);
    if (!answer.ok) {
      unknowns.push({ what: 'token flags', reason: `npm refused GET /-/npm/v1/tokens (${answer.message})` });
      return undefined;
    }
    const body = read.obj(answer.body, 'body');
    for (const [i, raw] of read.arr(body.objects, 'objects').entries()) {
      const t = read.obj(raw, `objects[${i}]`);
      if (read.optStr(t.key, `objects[${i}].key`) !== key) continue;
      return readEntry(t, `objects[${i}]`);
    }
    const urls = body.urls === undefined ? {} : read.obj(body.urls, 'urls');
    const next = read.optStr(urls.next, 'urls.next');
    if (!next) return undefined;
    // Only the next page's query is taken from the answer: never its host or path.
    let nextQuery: string;
    try {
      nextQuery = new URL(next, 'http://page.invalid').search;
    } catch {
      return undefined;
    }
    if (nextQuery === query || nextQuery === '') return undefined;
    query = nextQuery;
  }
  unknowns.push({ what: 'token flags', reason: `the token list runs past ${MAX_TOKEN_PAGES} pages` });
  return undefined;
}

function readEntry(t: Record<string, unknown>, path: string): OwnEntry {
  const cidr =
    t.cidr_whitelist === undefined || t.cidr_whitelist === null
      ? []
      : read.arr(t.cidr_whitelist, `${path}.cidr_whitelist`);
  const entry: OwnEntry = {
    cidr: cidr.map((c, i) => read.str(c, `${path}.cidr_whitelist[${i}]`)),
  };
  const readonly = read.optBool(t.readonly, `${path}.readonly`);
  if (readonly !== undefined) entry.readonly = readonly;
  // A granular token's entry (UNCONFIRMED shape): scope: [{ values: ['@acme/*'], types: { pkg: { write } } }].
  if (Array.isArray(t.scope)) {
    const patterns: string[] = [];
    let anyWrite = false;
    for (const [i, raw] of t.scope.entries()) {
      const s = read.obj(raw, `${path}.scope[${i}]`);
      const types = s.types === undefined ? {} : read.obj(s.types, `${path}.scope[${i}].types`);
      const pkg = types.pkg === undefined ? {} : read.obj(types.pkg, `${path}.scope[${i}].types.pkg`);
      if (read.optBool(pkg.write, `${path}.scope[${i}].types.pkg.write`) !== true) continue;
      anyWrite = true;
      const values = s.values === undefined ? [] : read.arr(s.values, `${path}.scope[${i}].values`);
      patterns.push(...values.map((v, j) => read.str(v, `${path}.scope[${i}].values[${j}]`)));
    }
    entry.writePatterns = patterns;
    if (entry.readonly === undefined) entry.readonly = !anyWrite;
  }
  return entry;
}

async function twoFactorMode(
  ctx: InspectContext,
  credential: Credential,
  unknowns: Unknown[],
): Promise<NpmFacts['tfa']> {
  const answer = await npmGet(ctx, credential, '/-/npm/v1/user');
  if (!answer.ok) {
    unknowns.push({ what: 'account 2FA', reason: `npm refused GET /-/npm/v1/user (${answer.message})` });
    return undefined;
  }
  const tfa = read.obj(answer.body, 'body').tfa;
  if (tfa === false || tfa === null || tfa === undefined) return 'off';
  const mode = read.optStr(read.obj(tfa, 'tfa').mode, 'tfa.mode');
  return mode === 'auth-and-writes' ? 'auth-and-writes' : 'auth-only';
}

/** `{ name: 'read-write' | 'read-only' }` for every package the user has access to. */
async function packageAccess(
  ctx: InspectContext,
  credential: Credential,
  user: string,
  unknowns: Unknown[],
): Promise<Map<string, PackageFact['access']>> {
  const path = `/-/user/${encodeURIComponent(user)}/package`;
  const answer = await npmGet(ctx, credential, path);
  const out = new Map<string, PackageFact['access']>();
  if (!answer.ok) {
    unknowns.push({ what: 'packages', reason: `npm refused GET ${path} (${answer.message})` });
    return out;
  }
  for (const [name, raw] of Object.entries(read.obj(answer.body, 'body'))) {
    out.set(name, read.str(raw, `body["${name}"]`) === 'read-write' ? 'read-write' : 'read-only');
  }
  return out;
}

/**
 * Weekly downloads as the registry's own search states them (`downloads.weekly` on each object).
 * api.npmjs.org's download counts are another host: the token is never sent there, and that host
 * is not an endpoint the user configured, so the figure comes from the registry or not at all.
 */
async function weeklyDownloads(
  ctx: InspectContext,
  credential: Credential,
  user: string,
  unknowns: Unknown[],
): Promise<Map<string, number>> {
  const q = new URLSearchParams({ text: `maintainer:${user}`, size: '250' });
  const answer = await npmGet(ctx, credential, `/-/v1/search?${q}`);
  const out = new Map<string, number>();
  if (!answer.ok) {
    unknowns.push({ what: 'weekly downloads', reason: `npm refused GET /-/v1/search (${answer.message})` });
    return out;
  }
  for (const [i, raw] of read.arr(read.obj(answer.body, 'body').objects, 'objects').entries()) {
    const o = read.obj(raw, `objects[${i}]`);
    const name = read.str(read.obj(o.package, `objects[${i}].package`).name, `objects[${i}].package.name`);
    const downloads =
      o.downloads === undefined || o.downloads === null ? {} : read.obj(o.downloads, `objects[${i}].downloads`);
    const weekly = read.optNum(downloads.weekly, `objects[${i}].downloads.weekly`);
    if (weekly !== undefined) out.set(name, weekly);
  }
  return out;
}
