import type { CandidateSource } from '../../core/source.js';
import { type AddedStats, newAddedStats, scanAdded } from './added.js';
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
): Promise<CandidateSource> {
  await requireRepo(cwd, '--staged');
  return (detector) =>
    scanAdded(detector, {
      place: cwd,
      args: ['diff', '--cached', '-M', ...RAW_FLAGS, '--'],
      source: 'tracked',
      skip,
      maxFileSize,
      notes,
      stats,
    });
}
