import { dirname, relative, sep } from 'node:path';
import { blockingGitFile } from '../git/hazards.js';
import { type GitPlace, git as runGit, gitSync } from '../git/run.js';

/** Runs git (through the runner that neutralises the repository's config); rejects with git's stderr. */
export async function git(place: GitPlace, args: string[]): Promise<string> {
  return runGit(place, args);
}

/**
 * The owner (org or user) of the GitHub-style repository `dir` belongs to, from its origin remote
 * (`git@host:OWNER/REPO.git`, `https://host/OWNER/REPO`), or undefined.
 */
export function originOwner(dir: string): string | undefined {
  try {
    const url = gitSync(dir, ['remote', 'get-url', 'origin']).trim();
    return /[:/]([A-Za-z0-9][A-Za-z0-9-]{0,38})\/[^/]+?(?:\.git)?\/?$/.exec(url)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Where git can start for `dir`, and the top of the work tree there: `dir` itself, or, when git
 * refuses a bare repository it found at or above `dir` (one committed inside a clone, whose
 * config is content), the nearest directory above it that git accepts.
 */
async function startFor(dir: string): Promise<{ cwd: string; top: string } | undefined> {
  // A git directory holding a named pipe would hang git: the tree is read as if git were absent.
  if (blockingGitFile(dir)) return undefined;
  let cwd = dir;
  for (;;) {
    try {
      const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
      return top ? { cwd, top } : undefined;
    } catch (e) {
      if (!/cannot use bare repository/.test(String((e as { stderr?: unknown }).stderr))) return undefined;
      const up = dirname(cwd);
      if (up === cwd) return undefined;
      cwd = up;
    }
  }
}

/** The top of the work tree that holds `dir`, or undefined when it is not in one. */
export async function workTreeTop(dir: string): Promise<string | undefined> {
  return (await startFor(dir))?.top;
}

/**
 * Paths in git's index below `dir`, relative to `dir`, posix separators. Empty when git cannot
 * list them (a repository whose config points its work tree elsewhere): labels, not the scan, suffer.
 */
export async function trackedFiles(dir: string): Promise<Set<string>> {
  const files = new Set<string>();
  const start = await startFor(dir);
  if (!start) return files;
  try {
    const below = relative(start.cwd, dir).split(sep).join('/');
    const out = await git(start.cwd, ['ls-files', '-z', '--full-name', '--', below || '.']);
    const prefix = (await git(start.cwd, ['rev-parse', '--show-prefix'])).trim() + (below ? `${below}/` : '');
    for (const p of out.split('\0')) {
      if (p) files.add(prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
    }
  } catch {
    files.clear();
  }
  return files;
}
