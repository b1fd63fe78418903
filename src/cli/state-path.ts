import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../config/load.js';

/**
 * `--state FILE`, resolved and checked before any work: its folder must exist (a typo in a path
 * should not silently start a second, empty history somewhere else) and FILE must not be a folder.
 * Whether FILE is a state file is checked when it is opened (src/org/state.ts).
 */
export function checkedStatePath(value: string, cwd: string): string {
  const path = resolve(cwd, value);
  const dir = dirname(path);
  let dirOk = false;
  try {
    dirOk = statSync(dir).isDirectory();
  } catch {
    // missing: said below
  }
  if (!dirOk) throw new UsageError(`--state ${value}: no such directory ${dir} (create it first)`);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // a new state file
  }
  if (isDir) throw new UsageError(`--state ${value}: is a directory`);
  return path;
}
