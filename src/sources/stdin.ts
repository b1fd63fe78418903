import type { Source } from '../core/source.js';

/** Standard input as one fragment, located at `stdin`. */
export function stdinSource(text: string): Source {
  return {
    async *fragments() {
      yield { meta: { path: 'stdin', source: 'stdin' }, content: { text } };
    },
  };
}
