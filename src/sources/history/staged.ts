import type { Source } from '../../core/source.js';
import { AddedSource, type AddedStats, newAddedStats } from './added.js';
import { RAW_FLAGS } from './log-walk.js';
import { requireRepo } from './repo.js';

/**
 * Pre-commit mode: what the index adds to HEAD (`git diff --cached`, raw), each staged version
 * read by its blob id and scanned whole, at its line numbers in the staged file. Works before the
 * first commit too (the diff is against nothing).
 */
export async function stagedSource(
  cwd: string,
  skip: string[],
  maxFileSize: number,
  notes: string[],
  stats: AddedStats = newAddedStats(),
): Promise<Source> {
  await requireRepo(cwd, '--staged');
  return new AddedSource({
    place: cwd,
    args: ['diff', '--cached', '-M', ...RAW_FLAGS, '--'],
    source: 'tracked',
    skip,
    maxFileSize,
    notes,
    stats,
  });
}
