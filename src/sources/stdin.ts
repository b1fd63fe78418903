import type { CandidateSource } from '../core/source.js';

/** Standard input as one fragment, located at `stdin`. */
export function stdinSource(text: string): CandidateSource {
  return async function* (detector) {
    yield* detector.scan({ text, path: 'stdin', source: 'stdin' });
  };
}
