import { FETCH_FIX, requireRepo, shallowBoundaries } from '../sources/history/repo.js';
import { InputError } from './inputs.js';

/**
 * A whole-history scan of a shallow clone would read one commit and call it the history: say so
 * instead. (Range scans need no check here: the CLI names the missing commit and the same fix.)
 */
export async function requireFullHistory(root: string, what: string): Promise<void> {
  const gitDir = await requireRepo(root, what);
  if (shallowBoundaries(gitDir).size > 0) {
    throw new InputError(`${what} needs the whole history, but this is a shallow clone; ${FETCH_FIX}`);
  }
}
