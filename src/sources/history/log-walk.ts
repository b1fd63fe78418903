import { type GitPlace, hugePagesEnv } from '../../git/run.js';
import { ReadAhead } from './read-ahead.js';
import { type GitChild, spawnGit } from './spawn.js';

/** One path a commit changed, as `git log --raw` lists it, without reading any blob. */
export interface Change {
  /** The blob before the commit (all zeros when the path is new); for a merge, in the first parent. */
  oldOid: string;
  /** The blob before the commit in each parent (one for a plain diff); all zeros where the path was absent. */
  oldOids: string[];
  /** The blob after it (all zeros when the path was deleted). */
  newOid: string;
  /** True when the new side is a regular file (not a symlink, not a submodule). */
  regularFile: boolean;
  path: string;
  /** Empty for a diff of the index (no commit). */
  commit: string;
  /** Author date, ISO 8601. */
  date: string;
  /** Position of the commit in the walk (parents before children): smaller is earlier. */
  seq: number;
}

export interface WalkOutcome {
  commits: number;
  /** git's complaint when the walk stopped before the end (a missing tree or commit). */
  error?: string;
}

export const NULL_OID = /^0+$/;
// Regular files only: a symlink's blob is a path, a gitlink (160000) is another repository's commit.
const REGULAR_FILE = /^100[0-7]{3}$/;

/**
 * Walks the commits of `revs`, oldest first (parents before children, then by date), and lists
 * each path a commit changed with the blob ids on both sides. Root commits (and the cut-off
 * commits of a shallow clone) list their whole tree; a merge lists what differs from its first
 * parent, which is all it brings in that the first parent lacked. Renames are not detected, so a
 * renamed file is the same blob at a new path: not new content. git starts at once and runs up to
 * `readAhead` output chunks ahead of the consumer (see RawWalk).
 */
export function walkChanges(place: GitPlace, revs: string[], readAhead: number): RawWalk {
  return new RawWalk(
    place,
    [
      'log',
      '--date-order',
      '--reverse',
      '--no-renames',
      '--diff-merges=first-parent',
      '--root',
      // Only what lies under the audited folder, with paths relative to it, as the working tree's
      // locations are: auditing a subfolder reads that subfolder's history, not the repository's.
      '--relative',
      ...RAW_FLAGS,
      COMMIT_HEADER,
      ...revs,
      '--',
    ],
    readAhead,
  );
}

/**
 * Chunks of git's walk read ahead of the scan at most (up to 64 KiB each, held as raw bytes:
 * about 80,000 changes, 16 MiB outside the JavaScript heap).
 */
const HISTORY_READ_AHEAD = 256;

/** The walk a history scan of `revs` reads (see walkChanges), started now. */
export function historyWalk(place: GitPlace, revs: string[]): RawWalk {
  return walkChanges(place, revs, HISTORY_READ_AHEAD);
}

/** Raw diffs, never patches: no external diff, textconv or colour, full ids, NUL-separated. */
export const RAW_FLAGS = ['--raw', '--no-abbrev', '-z', '--no-color', '--no-ext-diff', '--no-textconv'];
/** The commit header line `RawDiffParser` reads, for `git log`. */
export const COMMIT_HEADER = '--format=%x01%H %aI';

/**
 * One git process printing a raw diff, started at once. Its output is read ahead as raw chunks
 * (at most `readAhead` of them, up to 64 KiB each: bounded memory, held outside the JavaScript
 * heap, so a long read-ahead costs the collector nothing) and parsed only when drawn, a chunk's
 * changes at a time: one await per chunk, not one per change.
 */
export class RawWalk {
  readonly outcome: WalkOutcome = { commits: 0 };
  private readonly child: GitChild;
  private readonly chunks: ReadAhead<Buffer>;

  constructor(
    place: GitPlace,
    private readonly args: string[],
    readAhead: number,
  ) {
    // Fully buffered output: writing to a pipe, git otherwise flushes after every commit (one
    // small write, and one wake-up of this thread, per commit: 12,000 on a 12,000-commit walk).
    // This walk is read to its end, never answered record by record, so nothing waits on a flush.
    this.child = spawnGit(place, args, { env: { GIT_FLUSH: '0', ...hugePagesEnv() } });
    this.child.proc.stdin.end();
    this.chunks = new ReadAhead(chunksOf(this.child.proc.stdout), readAhead);
  }

  /** Whether git's output has been read to its end. */
  get read(): boolean {
    return this.chunks.ended;
  }

  /** The changes in order, a batch per chunk of output; the outcome is final when this ends. */
  async *batches(): AsyncGenerator<Change[]> {
    const parser = new RawDiffParser();
    let complete = false;
    try {
      for await (const chunk of this.chunks.items()) {
        const batch = parser.push(chunk);
        if (batch.length > 0) yield batch;
      }
      const last = parser.end();
      if (last.length > 0) yield last;
      complete = true;
    } finally {
      this.outcome.commits = parser.commits;
      // The consumer may stop early; the walk must not outlive it.
      if (!complete && this.child.proc.exitCode === null) this.child.proc.kill();
    }
    const code = await this.child.exited;
    if (code !== 0) this.outcome.error = this.child.complaint() || `git ${this.args[0]} exited with ${code}`;
  }

  /** Stops git and drops what was read ahead. */
  async close(): Promise<void> {
    if (this.child.proc.exitCode === null) this.child.proc.kill();
    await this.chunks.close();
  }
}

async function* chunksOf(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield chunk;
}

/** A raw diff one change at a time (`git log --raw -z`, `git diff --raw -z`), for callers that want no batches. */
export async function* rawChanges(place: GitPlace, args: string[], outcome: WalkOutcome): AsyncGenerator<Change> {
  const walk = new RawWalk(place, args, 4);
  try {
    for await (const batch of walk.batches()) yield* batch;
  } finally {
    await walk.close();
    outcome.commits = walk.outcome.commits;
    if (walk.outcome.error) outcome.error = walk.outcome.error;
  }
}

/**
 * Parses git's raw diff output (`log --raw -z`, `diff --raw -z`) as it arrives, chunk by chunk.
 * A commit header is `\x01<sha> <date>`; a plain change is `:<modes> <oids> <status>` then its
 * path (two paths, old then new, for a rename or copy); a merge's combined change
 * (`--diff-merges=combined`) is `::<modes> <oids> <statuses>` with one mode and one id per parent
 * and the result last.
 */
export class RawDiffParser {
  /** Commit headers read so far. */
  commits = 0;
  /**
   * The bytes after the last NUL: a token still being received, copied out of its chunk. Tokens
   * are decoded one by one from the bytes, never from a decoded chunk: a string cut from a
   * chunk's text keeps that whole text alive (V8 slices share their parent), and a path or an id
   * held for the rest of the walk would hold 64 KiB with it; the main thread's collector then
   * copied those texts at every young-generation collection.
   */
  private rest: Buffer | undefined;
  private commit = '';
  private date = '';
  private seq = -1;
  /** The pending raw line's fields, and how many path tokens it still expects. */
  private meta: { modes: string[]; oids: string[]; paths: number } | undefined;

  /** The changes this chunk completes. */
  push(chunk: Buffer): Change[] {
    const out: Change[] = [];
    let from = 0;
    if (this.rest) {
      const nul = chunk.indexOf(0);
      if (nul < 0) {
        this.rest = Buffer.concat([this.rest, chunk]);
        return out;
      }
      const joined = Buffer.concat([this.rest, chunk.subarray(0, nul)]);
      this.rest = undefined;
      this.token(joined, 0, joined.length, out);
      from = nul + 1;
    }
    for (let nul = chunk.indexOf(0, from); nul !== -1; nul = chunk.indexOf(0, from)) {
      this.token(chunk, from, nul, out);
      from = nul + 1;
    }
    if (from < chunk.length) this.rest = Buffer.from(chunk.subarray(from));
    return out;
  }

  /** The output ended: the last token, if it was not NUL-terminated. */
  end(): Change[] {
    const last = this.rest;
    this.rest = undefined;
    const out: Change[] = [];
    if (last && last.length > 0) this.token(last, 0, last.length, out);
    return out;
  }

  /** One token: `buf` from `start` to `end` (the NUL excluded). */
  private token(buf: Buffer, start: number, end: number, out: Change[]): void {
    // git log puts a newline between one commit's last path and the next header.
    const from = buf[start] === 10 ? start + 1 : start;
    const meta = this.meta;
    if (meta) {
      // The tokens after a raw line are its paths; the last one is where the new side lives.
      if (--meta.paths > 0) return;
      this.meta = undefined;
      const { modes, oids } = meta;
      const newOid = oids.at(-1) ?? '';
      const oldOids = oids.slice(0, -1);
      out.push({
        oldOid: oldOids[0] ?? '',
        oldOids,
        newOid,
        regularFile: REGULAR_FILE.test(modes.at(-1) ?? ''),
        // UTF-8 as git wrote it: a NUL never falls inside a character, so no token splits one.
        path: buf.toString('utf8', from, end),
        commit: this.commit,
        date: this.date,
        seq: Math.max(this.seq, 0),
      });
      return;
    }
    const first = buf[from];
    if (first === 1) {
      // Ids and an ISO date: ASCII.
      const token = buf.toString('latin1', from, end);
      const space = token.indexOf(' ');
      this.commit = token.slice(1, space);
      this.date = token.slice(space + 1).trim();
      this.seq++;
      this.commits++;
    } else if (first === 58 /* : */) {
      const token = buf.toString('latin1', from, end);
      const colons = /^:+/.exec(token)![0].length;
      const fields = token.slice(colons).split(' ');
      const n = colons + 1; // one per parent, plus the result
      const status = fields[2 * n] ?? '';
      this.meta = {
        modes: fields.slice(0, n),
        oids: fields.slice(n, 2 * n),
        paths: colons === 1 && /^[RC]/.test(status) ? 2 : 1,
      };
    }
  }
}
