import { cleanText } from '../report/sanitize.js';

/** Progress on stderr, only when it is a terminal and not CI; silent otherwise. */
export function progressReporter(enabled: boolean, write: (s: string) => void) {
  if (!enabled) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(stage: string, done: number, total: number) {
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      shown = true;
      write(`\r\x1b[K${cleanText(stage)}: ${done}/${total}`);
    },
    done() {
      if (shown) write('\r\x1b[K');
    },
  };
}
