import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../config/load.js';

/**
 * `--output FILE`, resolved and checked before any work starts: a scan of minutes should not end
 * in "cannot write". The report is written through a temp file beside FILE, so its folder must
 * exist and be writable, and FILE must not be a folder.
 */
export function outputPath(value: unknown, cwd: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === '') throw new UsageError('--output: name a file');
  const path = resolve(cwd, value);
  const dir = dirname(path);
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`--output ${value}: no such directory ${dir}`);
  }
  if (!isDir) throw new UsageError(`--output ${value}: ${dir} is not a directory`);
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`--output ${value}: is a directory`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // does not exist yet: it will be created
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`--output ${value}: cannot write in ${dir}`);
  }
  return path;
}
