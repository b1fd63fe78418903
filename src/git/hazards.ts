import { type Dirent, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** How many entries of a git directory are looked at before the check gives up (and lets git run). */
const MAX_ENTRIES = 200_000;

const blocking = (d: Dirent) => d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice();

/**
 * The git directory git would use for `dir`: the nearest `.git` at or above it (a folder, or a
 * file saying `gitdir: PATH`, as worktrees and submodules have). Undefined when there is none.
 */
export function gitDirFor(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, '.git');
    try {
      const st = lstatSync(candidate);
      if (st.isDirectory()) return candidate;
      // `.git` itself a pipe or device: that is the hazard; the caller reports it.
      if (!st.isFile()) return candidate;
      const m = /^gitdir: (.+)$/m.exec(readFileSync(candidate, 'utf8').slice(0, 4096));
      if (m?.[1]) return isAbsolute(m[1].trim()) ? m[1].trim() : resolve(d, m[1].trim());
    } catch {
      // No `.git` here: look further up.
    }
    if (dirname(d) === d) return undefined;
  }
}

/**
 * A file in the repository's git directory that would make git wait forever (a named pipe
 * opened for reading blocks until a writer comes; a device or socket is no file git can read),
 * as a path relative to `dir`; undefined when there is none. Such a file has no business in a
 * git directory: a directory shipped with its own `.git` (a tarball, an attachment) can hold
 * one, so the check runs before git does. Symlinks are not followed.
 */
export function blockingGitFile(dir: string): string | undefined {
  const key = resolve(dir);
  if (!checked.has(key)) checked.set(key, findBlocking(dir));
  return checked.get(key);
}

/** Per folder, once per run: the walk and labels ask more than once. */
const checked = new Map<string, string | undefined>();

function findBlocking(dir: string): string | undefined {
  const gitDir = gitDirFor(dir);
  if (!gitDir) return undefined;
  const shown = (p: string) => relative(resolve(dir), p) || p;
  try {
    const st = lstatSync(gitDir);
    if (!st.isDirectory()) return st.isSymbolicLink() || st.isFile() ? undefined : shown(gitDir);
  } catch {
    return undefined;
  }
  const roots = [gitDir];
  try {
    const common = readFileSync(join(gitDir, 'commondir'), 'utf8').trim();
    if (common) roots.push(isAbsolute(common) ? common : resolve(gitDir, common));
  } catch {
    // Not a linked worktree.
  }
  let seen = 0;
  const stack = [...roots];
  while (stack.length > 0 && seen < MAX_ENTRIES) {
    const d = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      seen++;
      const p = join(d, e.name);
      if (blocking(e)) return shown(p);
      if (e.isDirectory()) stack.push(p);
    }
  }
  return undefined;
}
