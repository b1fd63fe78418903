import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { BoundedIgnore } from './ignore.js';

/**
 * gitignore semantics with the `ignore` package: every .gitignore found by the walk applies to
 * the paths below its folder, plus .git/info/exclude at the top. Paths are relative to the root,
 * posix. Folders are checked too, so a file inside an ignored folder is ignored.
 */
export class GitIgnore {
  private readonly byDir = new Map<string, BoundedIgnore>();
  /** Folder (`dir/`) -> ignored. */
  private readonly cache = new Map<string, boolean>();

  constructor(
    private readonly root: string,
    infoExclude?: string,
  ) {
    if (infoExclude) this.add('', safeRead(infoExclude));
  }

  /**
   * One more .gitignore (path relative to the root). A walk adds a folder's own before it checks
   * anything inside that folder: a .gitignore never applies to its folder or above, so what was
   * checked (and cached) before it came stays true.
   */
  addFile(rel: string): void {
    this.add(posix.dirname(rel) === '.' ? '' : posix.dirname(rel), safeRead(join(this.root, rel)));
  }

  private add(dir: string, text: string): void {
    const ig = this.byDir.get(dir) ?? new BoundedIgnore();
    ig.add(text);
    this.byDir.set(dir, ig);
  }

  ignored(rel: string): boolean {
    const parts = rel.split('/');
    // Folders first, from the top: once a folder is ignored, everything under it is.
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/');
      const isDir = i < parts.length;
      const key = isDir ? `${path}/` : path;
      // Folders only: each is asked about for every file below it, a file once.
      let hit = isDir ? this.cache.get(key) : undefined;
      if (hit === undefined) {
        hit = this.check(path, isDir);
        if (isDir) this.cache.set(key, hit);
      }
      if (hit) return true;
    }
    return false;
  }

  private check(path: string, isDir: boolean): boolean {
    for (const [dir, ig] of this.byDir) {
      if (dir && !path.startsWith(`${dir}/`)) continue;
      const rel = dir ? path.slice(dir.length + 1) : path;
      if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
