import type { SourceLabel } from '../core/types.js';
import { skipMatcher } from './history/skip.js';

/** The two skip lists of a config: what the user set, and the built-in one. */
export interface SkipLists {
  /** `scan.skip` / `scan.extraSkip` as the user wrote them: honoured for every source. */
  skip: string[];
  /** The built-in list (src/config/defaults.ts), unless `scan.skip` replaced it. */
  defaultSkip: string[];
}

/** Content git holds or a commit adds: the built-in list never hides it. */
const GIT_HELD: ReadonlySet<SourceLabel> = new Set(['tracked', 'history']);

/**
 * The one rule for every mode: the user's globs apply to everything; the built-in list
 * (dependency and build folders) applies only to content git does not hold (untracked and ignored
 * working-tree files). Tracked files, history, ranges and the index are always read, so a token
 * committed under `deploy/build/` is found by every mode.
 */
export function skipGlobsFor(lists: SkipLists, source: SourceLabel): string[] {
  return GIT_HELD.has(source) ? lists.skip : [...lists.skip, ...lists.defaultSkip];
}

/** Whether the built-in list (and only it) keeps `path` from being read when it comes from `source`. */
export function skippedByDefault(lists: SkipLists, path: string, source: SourceLabel): boolean {
  if (GIT_HELD.has(source)) return false;
  return skipMatcher(lists.defaultSkip)(path) && !skipMatcher(lists.skip)(path);
}
