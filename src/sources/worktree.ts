import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceLabel } from '../core/types.js';
import { trackedFiles, workTreeStart } from './git.js';
import { GitIgnore } from './gitignore.js';
import { skipMatcher } from './history/skip.js';
import type { SkipLists } from './skip.js';

/**
 * One file to scan: its path relative to the scanned root (posix, what reports show) and its
 * label. No absolute path here: joined when the file is read.
 */
export interface FileTask {
  path: string;
  source: SourceLabel;
}

/** git's own folder is never content to scan, whatever the skip lists say. */
const ALWAYS_SKIP = ['**/.git/**'];

/**
 * The folder a `PATH/**` glob empties, as a gitignore folder pattern (`PATH/`), so the walk leaves
 * it without reading what is inside; other globs are matched against each path as they are. A
 * one-segment PATH is anchored (`/fixtures/`): `fixtures/**` names the top folder only, and
 * gitignore reads an unanchored `fixtures/` at any depth.
 */
const folderForms = (globs: string[]) =>
  globs
    .filter((g) => g.endsWith('/**'))
    .map((g) => g.slice(0, -3))
    .map((base) => (base.includes('/') ? `${base}/` : `/${base}/`));

/** An entry waiting its turn in the walk. */
interface Pending {
  path: string;
  entry: Dirent;
  /** Below a default-skipped folder that git tracks something in: only tracked files are read there. */
  inDefault: boolean;
}

/**
 * Siblings in the order their full paths sort in (a folder as `NAME/`): the walk yields files in
 * exactly the order a sorted list of every path would have, so reports do not depend on the
 * order the file system lists a folder in.
 */
const sortKey = (e: Dirent) => (e.isDirectory() ? `${e.name}/` : e.name);
const bySortKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Every regular file under `root` to scan, in path order, labelled tracked (in git's index),
 * ignored (matched by .gitignore) or untracked, yielded as the walk reaches it so scanning starts
 * with the first folder read. The user's skip globs (read with gitignore rules, as history reads
 * them) apply to all of them; the built-in list (dependency and build folders) only to untracked
 * and ignored content: a tracked file under `build/` is read, and the folders left unread are
 * counted in a note. Symlinks are never followed, so nothing outside the root is read and a loop
 * cannot hang the walk. `notes` gets the walk's notes once it is drawn to its end.
 *
 * Folders are read with readdirSync, one at a time: a folder's listing is well under a
 * millisecond, and a glob library's per-entry matching and per-folder callbacks made the walk
 * ten times a plain listing's cost (620 ms against 60 ms for 5,000 files in 2,000 folders).
 */
export async function* walkWorkTree(root: string, lists: SkipLists, notes: string[]): AsyncGenerator<FileTask> {
  const userSkip = [...ALWAYS_SKIP, ...lists.skip];
  const skippedFile = skipMatcher(userSkip);
  const skippedFolder = skipMatcher(folderForms(userSkip));
  const defaultFolder = skipMatcher(folderForms(lists.defaultSkip));
  const defaultFile = skipMatcher(lists.defaultSkip.filter((g) => !g.endsWith('/**')));

  const start = await workTreeStart(root);
  const top = start?.top;
  const tracked = start ? await trackedFiles(root, start) : new Set<string>();
  const trackedDirs = foldersOf(tracked);
  const exclude = top ? join(top, '.git', 'info', 'exclude') : undefined;
  const ignore = top ? new GitIgnore(root, exclude && existsSync(exclude) ? exclude : undefined) : undefined;
  const label = (path: string): SourceLabel =>
    tracked.has(path) ? 'tracked' : ignore?.ignored(path) ? 'ignored' : 'untracked';

  const unread: string[] = [];
  const unlisted: string[] = [];
  const special: string[] = [];
  let untrackedInSkipped = 0;
  let symlinks = 0;

  /** A folder's entries, pushed so the first in path order is popped first. */
  const stack: Pending[] = [];
  const enter = (dir: string, inDefault: boolean) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir ? join(root, dir) : root, { withFileTypes: true });
    } catch (e) {
      unlisted.push(`${dir || '.'} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
      return;
    }
    const keyed = entries.map((entry) => ({ entry, key: sortKey(entry) })).sort(bySortKey);
    for (let i = keyed.length - 1; i >= 0; i--) {
      const { entry } = keyed[i]!;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      stack.push({ path, entry, inDefault });
      // This folder's own .gitignore applies to everything below it, read before any of it is labelled.
      if (ignore && entry.name === '.gitignore' && entry.isFile() && !skippedFile(path))
        if (!inDefault || tracked.has(path)) ignore.addFile(path);
    }
  };

  enter('', false);
  for (let p = stack.pop(); p; p = stack.pop()) {
    const { path, entry, inDefault } = p;
    if (entry.isDirectory()) {
      if (skippedFolder(`${path}/`) || skippedFile(`${path}/`)) continue;
      if (!inDefault && defaultFolder(`${path}/`)) {
        // Left unread, unless git tracks something inside: then only what it tracks is read.
        if (trackedDirs.has(path)) enter(path, true);
        else unread.push(path);
        continue;
      }
      enter(path, inDefault);
      continue;
    }
    if (skippedFile(path)) continue;
    if (inDefault && !tracked.has(path)) {
      untrackedInSkipped++;
      continue;
    }
    if (entry.isSymbolicLink()) symlinks++;
    else if (entry.isFile()) {
      // A tracked file is read whatever the default list says: asked first, it spares the match.
      if (!tracked.has(path) && defaultFile(path)) continue;
      yield { path, source: label(path) };
    }
    // FIFOs, sockets and devices are never opened: reading a FIFO would block the scan.
    else special.push(path);
  }

  if (symlinks > 0) notes.push(`${symlinks} symbolic link(s) not followed`);
  for (const p of special) notes.push(`skipped ${p}: not a regular file`);
  for (const d of unlisted) notes.push(`could not list folder ${d}`);
  const defaultNote = skippedNote(unread, untrackedInSkipped);
  if (defaultNote) notes.push(defaultNote);
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

/** "not read by default (...): 3 untracked folder(s) (node_modules, dist, ...)", shallowest first, by name. */
function skippedNote(unsorted: string[], untrackedFiles: number): string | undefined {
  if (unsorted.length === 0 && untrackedFiles === 0) return undefined;
  const depth = (p: string) => p.split('/').length;
  const folders = unsorted.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  if (folders.length > 0) {
    const shown = folders.slice(0, 5).join(', ') + (folders.length > 5 ? `, and ${folders.length - 5} more` : '');
    parts.push(`${folders.length} folder(s) git does not track (${shown})`);
  }
  if (untrackedFiles > 0) parts.push(`${untrackedFiles} untracked file(s) beside tracked ones`);
  return `not read by default, as dependency or build output: ${parts.join(' and ')}; tracked files there are read; scan.skip in the config replaces the list`;
}
