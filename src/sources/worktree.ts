import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { SourceLabel } from '../core/types.js';
import { trackedFiles, workTreeTop } from './git.js';
import { GitIgnore } from './gitignore.js';

export interface FileTask {
  /** Absolute path, for reading. */
  abs: string;
  /** Path relative to the scanned root, posix: what reports show. */
  path: string;
  source: SourceLabel;
}

export interface WalkResult {
  files: FileTask[];
  notes: string[];
  inGit: boolean;
}

/**
 * Lists every regular file under `root` that the skip globs leave, labelled tracked (in git's
 * index), ignored (matched by .gitignore) or untracked. Symlinks are never followed, so nothing
 * outside the root is read and a loop cannot hang the walk.
 */
export async function walkWorkTree(root: string, skip: string[]): Promise<WalkResult> {
  const entries = await fg('**/*', {
    cwd: root,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    ignore: skip,
    suppressErrors: true,
    unique: true,
  });
  const notes: string[] = [];
  let symlinks = 0;
  const special: string[] = [];
  const paths: string[] = [];
  for (const e of entries) {
    if (e.dirent.isSymbolicLink()) symlinks++;
    else if (e.dirent.isFile()) paths.push(e.path);
    // FIFOs, sockets and devices are never opened: reading a FIFO would block the scan.
    else if (!e.dirent.isDirectory()) special.push(e.path);
  }
  if (symlinks > 0) notes.push(`${symlinks} symbolic link(s) not followed`);
  for (const p of special) notes.push(`skipped ${p}: not a regular file`);
  paths.sort();

  const top = await workTreeTop(root);
  if (!top)
    return { files: paths.map((p) => ({ abs: join(root, p), path: p, source: 'untracked' })), notes, inGit: false };

  const tracked = await trackedFiles(root);
  const gitignores = paths.filter((p) => p === '.gitignore' || p.endsWith('/.gitignore'));
  const exclude = join(top, '.git', 'info', 'exclude');
  const ignore = new GitIgnore(root, gitignores, existsSync(exclude) ? exclude : undefined);
  const files = paths.map((p): FileTask => {
    const source: SourceLabel = tracked.has(p) ? 'tracked' : ignore.ignored(p) ? 'ignored' : 'untracked';
    return { abs: join(root, p), path: p, source };
  });
  return { files, notes, inGit: true };
}
