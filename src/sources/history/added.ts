import { fingerprint } from '../../core/secret.js';
import type { PlainFragment, ScanMore, ScanOutcome, Source, SourceFragment } from '../../core/source.js';
import type { Candidate, SourceLabel } from '../../core/types.js';
import type { GitPlace } from '../../git/run.js';
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
 * drivers only shape patches); each new version is read by id through `cat-file` and yielded
 * whole, so it is scanned at its true line numbers and rules needing a name or a nearby key see
 * them. A secret counts as added unless the version before (in any parent, for a merge) already
 * held it: those versions are read and scanned only for a change where something was found. One
 * file that cannot be read or scanned is a note; the others are still scanned.
 */
export class AddedSource implements Source {
  /** Reads the versions before a change, for the few changes where something was found. */
  private before: BlobLookup | undefined;

  constructor(private readonly opts: AddedScanOptions) {}

  async *fragments(): AsyncGenerator<SourceFragment> {
    const { opts } = this;
    const skipped = skipMatcher(opts.skip);
    const outcome: WalkOutcome = { commits: 0 };
    const changes = rawChanges(opts.place, opts.args, outcome);
    const wanted = (c: Change) => (!c.regularFile || NULL_OID.test(c.newOid) || skipped(c.path) ? undefined : c.newOid);
    for await (const [c, answer] of readBlobs(opts.place, opts.maxFileSize, changes, wanted)) {
      const bytes = bytesOf(answer, c, opts, true);
      if (bytes === undefined) continue;
      const at = c.commit ? { commit: c.commit, date: c.date } : {};
      yield {
        meta: { path: c.path, source: opts.source, ...at },
        content: { bytes },
        settle: (o, scan) => this.added(o, c, scan),
      };
    }
    if (outcome.error) opts.notes.push(`git ${opts.args[0]} failed: ${outcome.error}`);
  }

  /** Settling is over: the look-back reader goes. */
  close(): void {
    void this.before?.close();
    this.before = undefined;
  }

  private async added(o: ScanOutcome, c: Change, scan: ScanMore): Promise<Candidate[]> {
    if (o.skipped === 'binary') return [];
    if (o.skipped) {
      this.opts.notes.push(`could not scan ${where(c)}: ${o.skipped}`);
      return [];
    }
    this.opts.stats.blobs++;
    this.opts.stats.bytes += o.bytes;
    if (o.found.length === 0) return [];
    // The versions before this change, in every parent: what they held was not added here.
    this.before ??= new BlobLookup(this.opts.place, this.opts.maxFileSize);
    const olds: PlainFragment[] = [];
    for (const oid of new Set(c.oldOids)) {
      if (NULL_OID.test(oid)) continue;
      const bytes = bytesOf(await this.before.get(oid), c, this.opts, false);
      if (bytes !== undefined) olds.push({ meta: { path: c.path, source: this.opts.source }, content: { bytes } });
    }
    const held = new Set<string>();
    for (const old of await scan(olds)) for (const f of old.found) held.add(fingerprint(f.provider, f.secret));
    return o.found.filter((f) => !held.has(fingerprint(f.provider, f.secret)));
  }
}

const where = (c: Change) => (c.commit ? `${c.path} at ${short(c.commit)}` : c.path);

/** The bytes of an answer, or undefined (with a note when it is worth one) when it is not scanned. */
function bytesOf(answer: BlobAnswer, c: Change, opts: AddedScanOptions, noted: boolean): Buffer | undefined {
  if (answer.kind === 'oversize') {
    if (noted)
      opts.notes.push(`skipped ${where(c)}: larger than the size cap (${answer.size} > ${opts.maxFileSize} bytes)`);
    return undefined;
  }
  if (answer.kind !== 'blob') {
    if (noted) opts.notes.push(`could not read ${where(c)} (blob ${short(answer.oid)}): ${answer.reason}`);
    return undefined;
  }
  return answer.content;
}
