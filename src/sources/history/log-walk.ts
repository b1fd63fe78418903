import { nulTokens, spawnGit } from './spawn.js';

/** One path a commit changed, as `git log --raw` lists it, without reading any blob. */
export interface Change {
  /** The blob before the commit (all zeros when the path is new). */
  oldOid: string;
  /** The blob after it (all zeros when the path was deleted). */
  newOid: string;
  /** True when the new side is a regular file (not a symlink, not a submodule). */
  regularFile: boolean;
  path: string;
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
export async function* walkChanges(cwd: string, revs: string[], outcome: WalkOutcome): AsyncGenerator<Change> {
  const child = spawnGit(cwd, [
    'log',
    '--date-order',
    '--reverse',
    '--no-renames',
    '--diff-merges=first-parent',
    '--root',
    // Only what lies under `cwd` (the audited folder), with paths relative to it, as the working
    // tree's locations are: auditing a subfolder reads that subfolder's history, not the repository's.
    '--relative',
    '--raw',
    '--no-abbrev',
    '-z',
    '--no-color',
    '--format=%x01%H %aI',
    ...revs,
    '--',
  ]);
  child.proc.stdin.end();
  let commit = '';
  let date = '';
  let seq = -1;
  let meta: string[] | undefined;
  try {
    for await (const raw of nulTokens(child.proc.stdout)) {
      const token = raw.startsWith('\n') ? raw.slice(1) : raw;
      if (meta) {
        // The token after a raw line is its path. Raw line: `:oldmode newmode oldoid newoid status`.
        const [, newMode = '', oldOid = '', newOid = ''] = meta;
        meta = undefined;
        yield { oldOid, newOid, regularFile: REGULAR_FILE.test(newMode), path: token, commit, date, seq };
        continue;
      }
      if (token.startsWith('\x01')) {
        const space = token.indexOf(' ');
        commit = token.slice(1, space);
        date = token.slice(space + 1).trim();
        seq++;
        outcome.commits++;
      } else if (token.startsWith(':')) {
        meta = token.slice(1).split(' ');
      }
    }
  } finally {
    // The consumer may stop early; the walk must not outlive it.
    if (child.proc.exitCode === null) child.proc.kill();
  }
  const code = await child.exited;
  if (code !== 0) outcome.error = child.complaint() || `git log exited with ${code}`;
}

/** The blobs each commit brings in: added or changed regular files. */
export async function* walkIntroductions(cwd: string, revs: string[], outcome: WalkOutcome): AsyncGenerator<Change> {
  for await (const c of walkChanges(cwd, revs, outcome)) {
    if (c.regularFile && !NULL_OID.test(c.newOid)) yield c;
  }
}
