import type { CandidateSource } from '../../core/source.js';
import { PATCH_FLAGS, scanPatch } from './patch-source.js';
import { requireRepo } from './repo.js';

/**
 * Pre-commit mode: what `git diff --cached` adds, the lines about to be committed, at their line
 * numbers in the staged file. Works before the first commit too (the diff is against nothing).
 */
export async function stagedSource(
  cwd: string,
  skip: string[],
  maxFileSize: number,
  notes: string[],
  stats = { hunks: 0, addedLines: 0 },
): Promise<CandidateSource> {
  await requireRepo(cwd, '--staged');
  return (detector) =>
    scanPatch(detector, {
      cwd,
      args: ['diff', '--cached', '-M', ...PATCH_FLAGS, '--'],
      source: 'tracked',
      skip,
      maxFileSize,
      notes,
      stats,
    });
}
