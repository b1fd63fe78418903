import { fingerprint } from '../../core/secret.js';
import type { Candidate, SourceLabel } from '../../core/types.js';
import type { Detector } from '../../detect/engine.js';
import type { GitPlace } from '../../git/run.js';
import { decode } from '../read.js';
import { type BlobAnswer, BlobLookup, readBlobs } from './cat-file.js';
import { type Change, NULL_OID, rawChanges, type WalkOutcome } from './log-walk.js';
import { skipMatcher } from './skip.js';

export interface AddedScanOptions {
  place: GitPlace;
  /** git arguments that print a raw diff (`log ... BASE..HEAD` or `diff --cached ...`), never a patch. */
  args: string[];
  source: SourceLabel;
  skip: string[];
  maxFileSize: number;
  notes: string[];
  /** Counts what was scanned, for tests and the summary. */
  stats: AddedStats;
}

export interface AddedStats {
  /** New file versions read and scanned. */
  blobs: number;
  bytes: number;
}

export const newAddedStats = (): AddedStats => ({ blobs: 0, bytes: 0 });

const short = (sha: string) => sha.slice(0, 7);

/**
 * What a change adds, read whatever the repository's attributes say. git's raw diff names each
 * changed file and the blob ids on both sides (no patch: `-diff`, `binary`, textconv and diff
 * drivers only shape patches); each new version is read by id through `cat-file` and scanned
 * whole, at its true line numbers, so rules needing a name or a nearby key see them. A secret
 * counts as added unless the version before (in any parent, for a merge) already held it. One
 * file that cannot be read or scanned is a note; the others are still scanned.
 */
export async function* scanAdded(detector: Detector, opts: AddedScanOptions): AsyncGenerator<Candidate> {
  const skipped = skipMatcher(opts.skip);
  const before = new BlobLookup(opts.place, opts.maxFileSize);
  const outcome: WalkOutcome = { commits: 0 };
  const changes = rawChanges(opts.place, opts.args, outcome);
  const wanted = (c: Change) => (!c.regularFile || NULL_OID.test(c.newOid) || skipped(c.path) ? undefined : c.newOid);
  try {
    for await (const [c, answer] of readBlobs(opts.place, opts.maxFileSize, changes, wanted)) {
      let added: Candidate[] = [];
      try {
        added = await addedIn(answer, c, detector, before, opts);
      } catch (e) {
        opts.notes.push(`could not scan ${where(c)}: ${e instanceof Error ? e.message : String(e)}`);
      }
      yield* added;
    }
  } finally {
    before.close();
  }
  if (outcome.error) opts.notes.push(`git ${opts.args[0]} failed: ${outcome.error}`);
}

const where = (c: Change) => (c.commit ? `${c.path} at ${short(c.commit)}` : c.path);

/** The text of an answer, or undefined (with a note when it is worth one) when it is not scanned. */
function textOf(answer: BlobAnswer, c: Change, opts: AddedScanOptions, noted: boolean): string | undefined {
  if (answer.kind === 'oversize') {
    if (noted)
      opts.notes.push(`skipped ${where(c)}: larger than the size cap (${answer.size} > ${opts.maxFileSize} bytes)`);
    return undefined;
  }
  if (answer.kind !== 'blob') {
    if (noted) opts.notes.push(`could not read ${where(c)} (blob ${short(answer.oid)}): ${answer.reason}`);
    return undefined;
  }
  const decoded = decode(answer.content);
  return 'binary' in decoded ? undefined : decoded.text;
}

async function addedIn(
  answer: BlobAnswer,
  c: Change,
  detector: Detector,
  before: BlobLookup,
  opts: AddedScanOptions,
): Promise<Candidate[]> {
  const text = textOf(answer, c, opts, true);
  if (text === undefined) return [];
  opts.stats.blobs++;
  opts.stats.bytes += text.length;
  const at = c.commit ? { commit: c.commit, date: c.date } : {};
  const found = detector.scan({ text, path: c.path, source: opts.source, ...at });
  if (found.length === 0) return [];
  // The versions before this change, in every parent: what they held was not added here.
  const held = new Set<string>();
  for (const oid of new Set(c.oldOids)) {
    if (NULL_OID.test(oid)) continue;
    const old = textOf(await before.get(oid), c, opts, false);
    if (old === undefined) continue;
    for (const o of detector.scan({ text: old, path: c.path, source: opts.source, ...at }))
      held.add(fingerprint(o.provider, o.secret));
  }
  return found.filter((f) => !held.has(fingerprint(f.provider, f.secret)));
}
