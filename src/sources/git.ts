import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs git with a large output buffer; rejects with git's own stderr. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', cwd, ...args], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/**
 * The owner (org or user) of the GitHub-style repository `dir` belongs to, from its origin remote
 * (`git@host:OWNER/REPO.git`, `https://host/OWNER/REPO`), or undefined.
 */
export function originOwner(dir: string): string | undefined {
  try {
    const url = execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /[:/]([A-Za-z0-9][A-Za-z0-9-]{0,38})\/[^/]+?(?:\.git)?\/?$/.exec(url)?.[1];
  } catch {
    return undefined;
  }
}

/** The top of the work tree that holds `dir`, or undefined when it is not in one. */
export async function workTreeTop(dir: string): Promise<string | undefined> {
  try {
    const out = await git(dir, ['rev-parse', '--show-toplevel']);
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Paths in git's index below `dir`, relative to `dir`, posix separators. */
export async function trackedFiles(dir: string): Promise<Set<string>> {
  const out = await git(dir, ['ls-files', '-z', '--full-name', '--', '.']);
  const prefix = (await git(dir, ['rev-parse', '--show-prefix'])).trim();
  const files = new Set<string>();
  for (const p of out.split('\0')) {
    if (p) files.add(prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  }
  return files;
}
