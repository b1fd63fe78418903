import type { GitPlace } from '../../git/run.js';
import { nulTokens, spawnGit } from './spawn.js';

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
 * Walks the commits of `revs`, oldest first (parents before children, then by date), and yields
 * each path a commit changed with the blob ids on both sides. Root commits (and the cut-off
 * commits of a shallow clone) list their whole tree; a merge lists what differs from its first
 * parent, which is all it brings in that the first parent lacked. Renames are not detected, so a
 * renamed file is the same blob at a new path: not new content.
 */
export function walkChanges(place: GitPlace, revs: string[], outcome: WalkOutcome): AsyncGenerator<Change> {
  return rawChanges(
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
    outcome,
  );
}

/** Raw diffs, never patches: no external diff, textconv or colour, full ids, NUL-separated. */
export const RAW_FLAGS = ['--raw', '--no-abbrev', '-z', '--no-color', '--no-ext-diff', '--no-textconv'];
/** The commit header line `rawChanges` reads, for `git log`. */
export const COMMIT_HEADER = '--format=%x01%H %aI';

/**
 * Reads git's raw diff output (`log --raw -z`, `diff --raw -z`) as a stream of changes. A
 * commit header is `\x01<sha> <date>`; a plain change is `:<modes> <oids> <status>` then its path
 * (two paths, old then new, for a rename or copy); a merge's combined change (`--diff-merges=combined`)
 * is `::<modes> <oids> <statuses>` with one mode and one id per parent and the result last.
 */
export async function* rawChanges(place: GitPlace, args: string[], outcome: WalkOutcome): AsyncGenerator<Change> {
  const child = spawnGit(place, args);
  child.proc.stdin.end();
  let commit = '';
  let date = '';
  let seq = -1;
  /** The pending raw line's fields, and how many path tokens it still expects. */
  let meta: { modes: string[]; oids: string[]; paths: number } | undefined;
  try {
    for await (const raw of nulTokens(child.proc.stdout)) {
      const token = raw.startsWith('\n') ? raw.slice(1) : raw;
      if (meta) {
        // The tokens after a raw line are its paths; the last one is where the new side lives.
        if (--meta.paths > 0) continue;
        const { modes, oids } = meta;
        meta = undefined;
        const newOid = oids.at(-1) ?? '';
        const oldOids = oids.slice(0, -1);
        yield {
          oldOid: oldOids[0] ?? '',
          oldOids,
          newOid,
          regularFile: REGULAR_FILE.test(modes.at(-1) ?? ''),
          path: token,
          commit,
          date,
          seq: Math.max(seq, 0),
        };
        continue;
      }
      if (token.startsWith('\x01')) {
        const space = token.indexOf(' ');
        commit = token.slice(1, space);
        date = token.slice(space + 1).trim();
        seq++;
        outcome.commits++;
      } else if (token.startsWith(':')) {
        const colons = /^:+/.exec(token)![0].length;
        const fields = token.slice(colons).split(' ');
        const n = colons + 1; // one per parent, plus the result
        const status = fields[2 * n] ?? '';
        meta = {
          modes: fields.slice(0, n),
          oids: fields.slice(n, 2 * n),
          paths: colons === 1 && /^[RC]/.test(status) ? 2 : 1,
        };
      }
    }
  } finally {
    // The consumer may stop early; the walk must not outlive it.
    if (child.proc.exitCode === null) child.proc.kill();
  }
  const code = await child.exited;
  if (code !== 0) outcome.error = child.complaint() || `git ${args[0]} exited with ${code}`;
}
