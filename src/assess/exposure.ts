import type { Location, SourceLabel } from '../core/types.js';

/**
 * Exposure: where a credential was found, the first axis of severity, most exposed first.
 * `committed`: in git (tracked files, history, a pull request's or push's commits, the index),
 * readable by anyone with the repository, forever. `local`: a file on this disk that git does
 * not hold (untracked, ignored), or text piped in. `machine`: the user's credential stores and
 * the environment, where credentials are meant to live, readable by what runs as the user.
 */
export type Exposure = 'committed' | 'local' | 'machine';
export const EXPOSURES: readonly Exposure[] = ['committed', 'local', 'machine'];

/** Every source label has its exposure: a new label fails to compile until it is placed here. */
const EXPOSURE_OF: Readonly<Record<SourceLabel, Exposure>> = {
  tracked: 'committed',
  history: 'committed',
  untracked: 'local',
  ignored: 'local',
  stdin: 'local',
  home: 'machine',
  env: 'machine',
};

/** The most exposed of a credential's places. */
export function exposureOf(locations: readonly Location[]): Exposure {
  let best = EXPOSURES.length - 1;
  for (const l of locations) best = Math.min(best, EXPOSURES.indexOf(EXPOSURE_OF[l.source]));
  return EXPOSURES[best]!;
}
