import { dirname, relative, sep } from 'node:path';
import { blockingGitFile } from '../git/hazards.js';
import { type GitPlace, git as runGit } from '../git/run.js';

/** Runs git (through the runner that neutralises the repository's config); rejects with git's stderr. */
export async function git(place: GitPlace, args: string[]): Promise<string> {
  return runGit(place, args);
}

/**
 * The owner (org or user) of the GitHub-style repository `dir` belongs to, from its origin remote
 * (`git@host:OWNER/REPO.git`, `https://host/OWNER/REPO`), or undefined.
 */
export async function originOwner(dir: string): Promise<string | undefined> {
  try {
    const url = (await runGit(dir, ['remote', 'get-url', 'origin'])).trim();
    return /[:/]([A-Za-z0-9][A-Za-z0-9-]{0,38})\/[^/]+?(?:\.git)?\/?$/.exec(url)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Where git can start for `dir`, the top of the work tree there, and where the start lies below
 * that top (git's own --show-prefix, asked in the same call): `dir` itself, or, when git refuses
 * a bare repository it found at or above `dir` (one committed inside a clone, whose config is
 * content), the nearest directory above it that git accepts.
 */
export interface WorkTreeStart {
  cwd: string;
  top: string;
  /** The start's path below the top, posix, with a trailing slash (empty at the top). */
  prefix: string;
}

export async function workTreeStart(dir: string): Promise<WorkTreeStart | undefined> {
  // A git directory holding a named pipe would hang git: the tree is read as if git were absent.
  if (blockingGitFile(dir)) return undefined;
  let cwd = dir;
  for (;;) {
    try {
      const [top, prefix] = (await git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
      return top?.trim() ? { cwd, top: top.trim(), prefix: prefix?.trim() ?? '' } : undefined;
    } catch (e) {
      if (!/cannot use bare repository/.test(String((e as { stderr?: unknown }).stderr))) return undefined;
      const up = dirname(cwd);
      if (up === cwd) return undefined;
      cwd = up;
    }
  }
}

/**
 * Paths in git's index below `dir`, relative to `dir`, posix separators. Empty when git cannot
 * list them (a repository whose config points its work tree elsewhere): labels, not the scan, suffer.
 * `start`: where git starts for `dir`, when the caller has asked already (workTreeStart).
 */
export async function trackedFiles(dir: string, start?: WorkTreeStart): Promise<Set<string>> {
  const files = new Set<string>();
  const from = start ?? (await workTreeStart(dir));
  if (!from) return files;
  try {
    const below = relative(from.cwd, dir).split(sep).join('/');
    const out = await git(from.cwd, ['ls-files', '-z', '--full-name', '--', below || '.']);
    const prefix = from.prefix + (below ? `${below}/` : '');
    for (const p of out.split('\0')) {
      if (p) files.add(prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
    }
  } catch {
    files.clear();
  }
  return files;
}
