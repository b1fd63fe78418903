import * as core from '@actions/core';
import { audit } from '../core/audit.js';
import type { Source, CredentialRefiner } from '../core/source.js';
import type { Config } from '../config/load.js';
import type { Secret } from '../core/secret.js';
import { splitUserinfo } from '../core/userinfo.js';
import { shannonEntropy } from '../detect/entropy.js';
import { HistoryScan } from '../sources/history/history.js';
import { planRange } from '../sources/history/range.js';
import { allRevs } from '../sources/history/revs.js';
import type { ScanTarget } from './event.js';
import { defaultThreads } from '../scan/prestart.js';

/**
 * Why a second, offline pass: the report (the CLI's only output) carries redacted values by
 * design, but the runner can only mask what it is told verbatim. So before the CLI runs and
 * anything is logged, the core scans the same target without asking any provider, and every raw
 * value it finds is registered with the runner. The mask then holds for every later line of the
 * job, this step's and the steps after it (a `cat .env` in a later step prints ***).
 * The sources mirror the CLI's own plan for the flags `cliArgs` passes.
 */
async function sourcesFor(
  target: ScanTarget,
  root: string,
  config: Config,
): Promise<{ root?: string; sources: Source[]; refiners: CredentialRefiner[] }> {
  const { skip, maxFileSize } = config;
  switch (target.kind) {
    case 'range': {
      const plan = await planRange(root, `${target.base}..${target.head}`, skip, maxFileSize);
      return plan.kind === 'scan' ? { sources: [plan.scan.source], refiners: [] } : { sources: [], refiners: [] };
    }
    case 'branch': {
      const scan = new HistoryScan({ cwd: root, revs: [target.ref], head: target.ref, skip });
      return { root, sources: [scan], refiners: [] };
    }
    case 'full': {
      const scan = new HistoryScan({ cwd: root, revs: await allRevs(root), head: 'HEAD', skip });
      return { root, sources: [scan], refiners: [] };
    }
    case 'none':
      return { sources: [], refiners: [] };
  }
}

/**
 * The shortest value registered as a mask. Masks come from content the workflow does not control
 * (a pull request's files): a "secret" like FAILED in `postgres://a:FAILED@x` would blank that
 * word out of every later line of the job. tokenscope never prints a raw value (reports carry
 * redacted forms), so a short value needs no mask from us.
 */
export const MIN_MASK_LENGTH = 8;

/** A word, capitalised or not, perhaps with a few digits or punctuation around it: `critical`, `Warning:`, `error404`. */
const WORD_LIKE = /^[^A-Za-z0-9]{0,2}(?:[A-Z]?[a-z]+|[A-Z]+)[0-9]{0,4}[^A-Za-z0-9]{0,2}$/;

/** Bits a guesser would need, from the value's length and the character classes it mixes. */
function guessBits(s: string): number {
  const pool =
    (/[a-z]/.test(s) ? 26 : 0) +
    (/[A-Z]/.test(s) ? 26 : 0) +
    (/[0-9]/.test(s) ? 10 : 0) +
    (/[^A-Za-z0-9]/.test(s) ? 33 : 0);
  return s.length * Math.log2(Math.max(pool, 2));
}

/**
 * Whether a value may become a runner mask. A pull request chooses these values (a database URL's
 * password is anything its author writes), and a mask blanks the string out of every later line of
 * the job: a word such as "critical", a date or a version number must never be one. So a mask is
 * long enough, not word-shaped, holds a letter (or is long), and has the entropy of a secret.
 */
export function worthMasking(value: string): boolean {
  const s = value.trim();
  if (s.length < MIN_MASK_LENGTH || WORD_LIKE.test(s)) return false;
  if (!/[A-Za-z]/.test(s) && s.length < 16) return false;
  return shannonEntropy(s) >= 2.5 && guessBits(s) >= 40;
}

/**
 * The strings worth masking for one secret: the value, each line of a multi-line one, a URL's
 * password (to the last `@` before the host, as clients read it); each one worthMasking().
 */
export function maskableParts(secret: Secret): string[] {
  const raw = secret.reveal();
  const out = new Set<string>([raw]);
  if (raw.includes('\n')) {
    // The runner masks line by line; PEM armour lines are the same in every key, not secret.
    for (const line of raw.split(/\r?\n/)) if (!line.startsWith('-----')) out.add(line.trim());
  }
  if (secret.style === 'url') {
    const password = splitUserinfo(raw)?.password;
    if (password) {
      out.add(password);
      try {
        out.add(decodeURIComponent(password));
      } catch {
        // not percent-encoded
      }
    }
  }
  return [...out].filter(worthMasking);
}

/** Finds every secret the target holds (offline) and registers each with the runner; returns how many. */
export async function maskFoundSecrets(target: ScanTarget, root: string, config: Config): Promise<number> {
  if (target.kind === 'none') return 0;
  const { root: walkRoot, sources, refiners } = await sourcesFor(target, root, config);
  const result = await audit({
    ...(walkRoot ? { root: walkRoot } : {}),
    // Allowlisted values too: masking a fixture costs nothing, missing a real one costs a leak.
    config: { ...config, allowlist: { paths: [], rules: [], fingerprints: [] } },
    sources,
    refiners,
    threads: defaultThreads(),
    offline: true,
    endpoints: {},
  });
  let count = 0;
  for (const f of result.findings) {
    for (const secret of [f.credential.secret, ...Object.values(f.credential.parts)]) {
      for (const value of maskableParts(secret)) {
        core.setSecret(value);
        count++;
      }
    }
  }
  return count;
}
