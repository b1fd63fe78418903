import { StringDecoder } from 'node:string_decoder';
import type { Candidate, SourceLabel } from '../../core/types.js';
import type { Detector } from '../../detect/engine.js';
import { type Hunk, PatchReader } from './diff-parse.js';
import { skipMatcher } from './skip.js';
import { spawnGit } from './spawn.js';

export interface PatchScanOptions {
  cwd: string;
  /** git arguments that print a patch (`log -p ...` or `diff --cached ...`). */
  args: string[];
  source: SourceLabel;
  skip: string[];
  maxFileSize: number;
  notes: string[];
  /** Counts what was scanned, for tests and the summary. */
  stats: { hunks: number; addedLines: number };
}

// Fixed prefixes, whatever the user's diff.noprefix or diff.mnemonicPrefix say.
export const PATCH_FLAGS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '-U3',
];

/** A paired match on an unchanged line (an old key id) counts when its new partner is close by. */
function nearAdded(h: Hunk, line: number): boolean {
  for (let d = -PAIR_DISTANCE; d <= PAIR_DISTANCE; d++) if (h.added.has(line + d)) return true;
  return false;
}
const PAIR_DISTANCE = 5;

/**
 * Scans only what a patch adds. Each hunk's new side (added lines with their context, so that
 * rules needing a name or a nearby key still see it) is one fragment at its true line numbers;
 * a match counts when it sits on an added line, or when it pairs with a secret that was added.
 */
export async function* scanPatch(detector: Detector, opts: PatchScanOptions): AsyncGenerator<Candidate> {
  const skipped = skipMatcher(opts.skip);
  const hunks: Hunk[] = [];
  const reader = new PatchReader((h) => hunks.push(h));
  const child = spawnGit(opts.cwd, [...opts.args]);
  child.proc.stdin.end();
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const drain = function* (this: void): Generator<Candidate> {
    for (const h of hunks.splice(0)) {
      if (skipped(h.path)) continue;
      const text = h.lines.join('\n');
      if (text.length > opts.maxFileSize) {
        opts.notes.push(`skipped ${h.path}: an added hunk larger than the size cap`);
        continue;
      }
      opts.stats.hunks++;
      opts.stats.addedLines += h.added.size;
      const found = detector.scan({
        text,
        path: h.path,
        source: opts.source,
        firstLine: h.firstLine,
        ...(h.commit ? { commit: h.commit, date: h.date! } : {}),
      });
      for (const c of found) if (h.added.has(c.location.line) || (c.parts && nearAdded(h, c.location.line))) yield c;
    }
  };
  for await (const chunk of child.proc.stdout as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop()!;
    for (const l of lines) reader.line(l);
    yield* drain();
  }
  if (rest) reader.line(rest);
  reader.flush();
  yield* drain();
  const code = await child.exited;
  if (code !== 0) opts.notes.push(`git ${opts.args[0]} failed: ${child.complaint() || `exit ${code}`}`);
}
