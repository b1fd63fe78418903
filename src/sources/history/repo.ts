import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../../config/load.js';
import { blockingGitFile } from '../../git/hazards.js';
import { git } from '../git.js';

/** The repository's git directory, or a usage error naming the flag when `dir` is not in one. */
export async function requireRepo(dir: string, flag: string): Promise<string> {
  const hazard = blockingGitFile(dir);
  if (hazard)
    throw new UsageError(
      `${flag}: ${hazard} in the repository's git directory is a named pipe, socket or device; git would wait on it forever, so tokenscope does not run git there`,
    );
  try {
    const out = (await git(dir, ['rev-parse', '--git-dir'])).trim();
    return isAbsolute(out) ? out : join(dir, out);
  } catch (e) {
    const said = String((e as { stderr?: string }).stderr);
    if (/cannot use bare repository/.test(said))
      throw new UsageError(
        `${flag}: ${dir} is inside a bare repository that git found by itself; tokenscope does not open one it was not pointed at (set GIT_DIR to scan it on purpose)`,
      );
    if (/dubious ownership/.test(said))
      throw new UsageError(
        `${flag}: git refuses ${dir}: the repository is owned by another user (name it in safe.directory in your global git config)`,
      );
    throw new UsageError(`${flag}: ${dir} is not inside a git repository`);
  }
}

/** The full id of the commit `ref` names, or undefined when this clone does not have it. */
export async function resolveCommit(dir: string, ref: string): Promise<string | undefined> {
  try {
    return (
      (await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** The commits a shallow clone was cut at (their parents are missing); empty for a full clone. */
export function shallowBoundaries(gitDir: string): Set<string> {
  try {
    return new Set(readFileSync(join(gitDir, 'shallow'), 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

export async function mergeBase(dir: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const FETCH_FIX = 'fetch the full history (actions/checkout: `fetch-depth: 0`, or `git fetch --unshallow`)';
