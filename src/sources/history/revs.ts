import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { gitDirFor } from '../../git/hazards.js';
import { git } from '../git.js';

/** Every ref's tips plus every stash entry (only the newest stash is a ref; the rest live in its reflog). */
export async function allRevs(dir: string): Promise<string[]> {
  const revs = ['--all'];
  if (!mayHoldStashEntries(dir)) return revs;
  try {
    const stashes = (await git(dir, ['log', '-g', '--format=%H', 'refs/stash', '--'])).split('\n').filter(Boolean);
    revs.push(...stashes.slice(1));
  } catch {
    // No stash.
  }
  return revs;
}

/**
 * False only when the repository surely keeps no stash reflog: a plain `.git` folder (no
 * GIT_DIR or GIT_COMMON_DIR from a hook, not a linked worktree, not the reftable format) without
 * `logs/refs/stash`. Then there is nothing for git to list, and the git process that would say so
 * (on the way to starting the history walk) is not run. Anything less certain asks git.
 */
export function mayHoldStashEntries(dir: string): boolean {
  if (process.env.GIT_DIR || process.env.GIT_COMMON_DIR) return true;
  const gitDir = gitDirFor(dir);
  if (!gitDir) return true;
  try {
    if (!lstatSync(gitDir).isDirectory()) return true;
  } catch {
    return true;
  }
  if (existsSync(join(gitDir, 'commondir')) || existsSync(join(gitDir, 'reftable'))) return true;
  return existsSync(join(gitDir, 'logs', 'refs', 'stash'));
}
