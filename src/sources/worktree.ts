import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { SourceLabel } from '../core/types.js';
import { trackedFiles, workTreeTop } from './git.js';
import { GitIgnore } from './gitignore.js';
import { skipMatcher } from './history/skip.js';
import type { SkipLists } from './skip.js';

/**
 * One file to scan. A tree may list hundreds of thousands, all held from the walk until scanned,
 * so no absolute path here (joined when the file is read: a joined path is a tree of strings,
 * some 400 bytes a file).
 */
export interface FileTask {
  /** Path relative to the scanned root, posix: what reports show. */
  path: string;
  source: SourceLabel;
}

export interface WalkResult {
  files: FileTask[];
  notes: string[];
  inGit: boolean;
}

/** git's own folder is never content to scan, whatever the skip lists say. */
const ALWAYS_SKIP = ['**/.git/**'];

/**
 * `**\/build/**` as two globs that leave out the folder's content but list the folder itself, so
 * it can be counted and looked into for tracked files (fast-glob reads one level below it, no more).
 */
const keepFolderEntry = (glob: string) =>
  glob.endsWith('/**') ? [`${glob.slice(0, -2)}*`, `${glob.slice(0, -2)}*/**`] : [glob];

interface Entry {
  path: string;
  kind: 'file' | 'symlink' | 'dir' | 'special';
}

/**
 * Every entry matching one pattern, drawn from fast-glob's stream one at a time and kept as a
 * path and a kind: its own entries (a dirent each) and its index of paths seen (for `unique`,
 * which one pattern does not need) are never all held at once, on a tree of any size.
 */
async function list(root: string, pattern: string, ignore: string[]): Promise<Entry[]> {
  const stream = fg.stream(pattern, {
    cwd: root,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    ignore,
    suppressErrors: true,
    unique: false,
  });
  const entries: Entry[] = [];
  for await (const e of stream as AsyncIterable<fg.Entry>) {
    const d = e.dirent;
    const kind = d.isSymbolicLink() ? 'symlink' : d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'special';
    entries.push({ path: e.path, kind });
  }
  return entries;
}

/**
 * Lists every regular file under `root` to scan, labelled tracked (in git's index), ignored
 * (matched by .gitignore) or untracked. The user's skip globs apply to all of them; the built-in
 * list (dependency and build folders) only to untracked and ignored content: a tracked file
 * under `build/` is read, and the folders left unread are counted in a note. Symlinks are never
 * followed, so nothing outside the root is read and a loop cannot hang the walk.
 */
export async function walkWorkTree(root: string, lists: SkipLists): Promise<WalkResult> {
  const userSkip = [...ALWAYS_SKIP, ...lists.skip];
  const entries = await list(root, '**/*', [...userSkip, ...lists.defaultSkip.flatMap(keepFolderEntry)]);
  const isDefaultFolder = skipMatcher(lists.defaultSkip.filter((g) => g.endsWith('/**')).map((g) => g.slice(0, -3)));
  // The walk's order is not fixed; the note names the shallowest folders first, by name.
  const depth = (p: string) => p.split('/').length;
  const skippedFolders = entries
    .filter((e) => e.kind === 'dir' && isDefaultFolder(e.path))
    .map((e) => e.path)
    .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const top = await workTreeTop(root);
  const tracked = top ? await trackedFiles(root) : new Set<string>();

  // Inside a skipped folder, only what git tracks is read; it is listed only when git tracks something there.
  const trackedDirs = foldersOf(tracked);
  let untrackedInSkipped = 0;
  const inSkipped: Entry[] = [];
  const unread: string[] = [];
  for (const folder of skippedFolders) {
    if (!trackedDirs.has(folder)) {
      unread.push(folder);
      continue;
    }
    for (const e of await list(root, `${fg.escapePath(folder)}/**/*`, userSkip)) {
      if (e.kind === 'dir') continue;
      if (tracked.has(e.path)) inSkipped.push(e);
      else untrackedInSkipped++;
    }
  }

  const notes: string[] = [];
  let symlinks = 0;
  const special: string[] = [];
  const paths: string[] = [];
  for (const e of [...entries, ...inSkipped]) {
    if (e.kind === 'symlink') symlinks++;
    else if (e.kind === 'file') paths.push(e.path);
    // FIFOs, sockets and devices are never opened: reading a FIFO would block the scan.
    else if (e.kind === 'special') special.push(e.path);
  }
  if (symlinks > 0) notes.push(`${symlinks} symbolic link(s) not followed`);
  for (const p of special) notes.push(`skipped ${p}: not a regular file`);
  const defaultNote = skippedNote(unread, untrackedInSkipped);
  if (defaultNote) notes.push(defaultNote);
  paths.sort();

  if (!top) return { files: paths.map((p) => ({ path: p, source: 'untracked' })), notes, inGit: false };

  const gitignores = paths.filter((p) => p === '.gitignore' || p.endsWith('/.gitignore'));
  const exclude = join(top, '.git', 'info', 'exclude');
  const ignore = new GitIgnore(root, gitignores, existsSync(exclude) ? exclude : undefined);
  const files = paths.map((p): FileTask => {
    const source: SourceLabel = tracked.has(p) ? 'tracked' : ignore.ignored(p) ? 'ignored' : 'untracked';
    return { path: p, source };
  });
  return { files, notes, inGit: true };
}

/** Every folder that holds a tracked file, at any depth. */
function foldersOf(files: Set<string>): Set<string> {
  const dirs = new Set<string>();
  for (const f of files) {
    for (let i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) {
      const d = f.slice(0, i);
      if (dirs.has(d)) break;
      dirs.add(d);
    }
  }
  return dirs;
}

/** "not read by default (...): 3 untracked folder(s) (node_modules, dist, ...)". */
function skippedNote(folders: string[], untrackedFiles: number): string | undefined {
  if (folders.length === 0 && untrackedFiles === 0) return undefined;
  const parts: string[] = [];
  if (folders.length > 0) {
    const shown = folders.slice(0, 5).join(', ') + (folders.length > 5 ? `, and ${folders.length - 5} more` : '');
    parts.push(`${folders.length} folder(s) git does not track (${shown})`);
  }
  if (untrackedFiles > 0) parts.push(`${untrackedFiles} untracked file(s) beside tracked ones`);
  return `not read by default, as dependency or build output: ${parts.join(' and ')}; tracked files there are read; scan.skip in the config replaces the list`;
}
