import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fingerprint } from '../core/secret.js';
import { redactSecretsIn } from '../core/scrub-text.js';
import type { Candidate } from '../core/types.js';
import type { Detector } from '../detect/engine.js';
import type { CacheRead, GuardCredential } from './cache.js';
import type { Decision, ToolCall } from './call.js';
import { destructiveOperation } from './destructive.js';

export interface GuardContext {
  /** The project the cache describes. */
  root: string;
  cache: CacheRead;
  detector: Detector;
  /** The agent's environment, which a shell command's `$VAR` expands from. */
  env: Record<string, string | undefined>;
  /**
   * What a credential nobody has inspected yet can do, within a time budget; undefined when live
   * inspection is off. Rejects or times out: the guard then asks, it does not allow.
   */
  inspectLive?: (candidate: Candidate) => Promise<GuardCredential>;
}

/** Largest text the detector reads from one call: more is cut, and the cut is said. */
export const MAX_CALL_TEXT = 4 * 1024 * 1024;

const ENV_REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]{0,100})\}|([A-Za-z_][A-Za-z0-9_]{0,100}))/g;

/** `NAME=value` lines for the variables a shell command expands, so their secrets are seen with their names. */
function expansions(text: string, env: Record<string, string | undefined>): string {
  const names = new Set<string>();
  for (const m of text.matchAll(ENV_REF)) names.add((m[1] ?? m[2])!);
  return [...names]
    .filter((n) => typeof env[n] === 'string' && env[n] !== '')
    .map((n) => `${n}=${env[n]}`)
    .join('\n');
}

function describe(c: GuardCredential): string {
  const can = c.destroys.length
    ? `can ${c.destroys.slice(0, 3).join('; ')}${c.destroys.length > 3 ? ` and ${c.destroys.length - 3} more` : ''}`
    : c.summary;
  return `a ${c.provider} ${c.kind} (${c.redacted}, ${c.severity}) that ${can}`;
}

function insteadOf(c: GuardCredential): string {
  return c.remediation ? ` Use instead: ${c.remediation}` : '';
}

/** The project-relative posix path of what the agent named, or undefined when it lies outside. */
function projectPath(root: string, cwd: string, p: string): string | undefined {
  const abs = isAbsolute(p) ? p : resolve(cwd, p);
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Cached files named by a shell command (`cat infra/domains/.env`, `source ./.env`). */
function filesNamedIn(text: string, files: { path: string }[]): string[] {
  return files
    .filter((f) => {
      let at = text.indexOf(f.path);
      while (at >= 0) {
        const before = at === 0 ? ' ' : text[at - 1]!;
        const after = text[at + f.path.length] ?? ' ';
        if (/[\s'"=<>:(/]/.test(before) && /[\s'";|&)<>]/.test(after)) return true;
        at = text.indexOf(f.path, at + 1);
      }
      return false;
    })
    .map((f) => f.path);
}

/**
 * The guard's decision, in order: (1) a read of a file an audit found holding a broad credential
 * is denied; (2) a credential carried by the call is denied when broad, allowed when known narrow,
 * asked about when unknown; (3) a destructive operation with no known credential is asked about.
 */
export async function decide(call: ToolCall, ctx: GuardContext): Promise<Decision> {
  const cache = 'cache' in ctx.cache ? ctx.cache.cache : undefined;
  const byId = new Map((cache?.credentials ?? []).map((c) => [c.id, c]));
  const notes: string[] = [];
  if ('missing' in ctx.cache)
    notes.push('no tokenscope audit of this project yet (run `tokenscope fence`): only the command patterns apply');
  if ('broken' in ctx.cache)
    notes.push(`the last audit could not be read (${ctx.cache.broken}): only the command patterns apply`);

  // 1. Files that hold broad credentials.
  if (cache) {
    const named = call.paths.map((p) => projectPath(ctx.root, call.cwd, p)).filter((p): p is string => !!p);
    if (call.shell) named.push(...filesNamedIn(call.text, cache.files));
    for (const path of named) {
      const held = cache.files
        .find((f) => f.path === path)
        ?.ids.map((id) => byId.get(id))
        .filter((c) => c?.broad);
      const c = held?.[0];
      if (c) return finish('deny', `${path} holds ${describe(c)}.${insteadOf(c)}`);
    }
  }

  // 2. Credentials the call carries (its text, the variables it expands, content handed over).
  let text = [call.text, call.shell ? expansions(call.text, ctx.env) : '', call.content ?? ''].join('\n');
  if (text.length > MAX_CALL_TEXT) {
    text = text.slice(0, MAX_CALL_TEXT);
    notes.push(`only the first ${MAX_CALL_TEXT} characters of the call were read`);
  }
  const candidates = ctx.detector.scan({ path: 'tool call', source: 'stdin', text });
  const known: GuardCredential[] = [];
  const unknown: Candidate[] = [];
  const keyedMismatch = cache && cache.keyed !== Boolean(process.env.TOKENSCOPE_FINGERPRINT_KEY);
  if (keyedMismatch) notes.push('the last audit used another fingerprint key: its credentials cannot be matched');
  for (const cand of candidates) {
    const c = keyedMismatch ? undefined : byId.get(fingerprint(cand.provider, cand.secret));
    if (c) known.push(c);
    else unknown.push(cand);
  }
  for (const cand of unknown) {
    if (!ctx.inspectLive) continue;
    try {
      known.push(await ctx.inspectLive(cand));
      unknown.splice(unknown.indexOf(cand), 1);
    } catch (e) {
      notes.push(`live inspection of ${cand.secret.redacted} failed: ${(e as Error).message}`);
    }
  }
  const broad = known.find((c) => c.broad);
  const destroys = destructiveOperation(call.text);
  if (broad) {
    const op = destroys ? ` This call runs ${destroys} with it.` : '';
    return finish('deny', `This call carries ${describe(broad)}.${op}${insteadOf(broad)}`);
  }
  if (unknown.length > 0) {
    const u = unknown[0]!;
    return finish(
      'ask',
      `This call carries a ${u.provider} ${u.kind} (${u.secret.redacted}) that tokenscope has not inspected, so what it can do is unknown.${destroys ? ` It runs ${destroys}.` : ''}`,
    );
  }
  if (known.length > 0) {
    const c = known[0]!;
    return finish('allow', `This call carries a narrow ${c.provider} ${c.kind} (${c.redacted}): ${c.summary}.`);
  }

  // 3. Destructive whatever the credential.
  if (destroys)
    return finish('ask', `This call runs ${destroys}, which destroys something at a provider. Confirm it is meant.`);
  return finish('allow', 'no credential and no destructive operation in this call');

  function finish(decision: Decision['decision'], reason: string): Decision {
    const said = notes.length ? `${reason} (${notes.join('; ')})` : reason;
    // The reasons are built from redacted forms; this is the belt to those braces.
    return { decision, reason: redactSecretsIn(said) };
  }
}
