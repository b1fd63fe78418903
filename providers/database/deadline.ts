import { Aborted, ConnectTimeout } from './errors.js';

/**
 * Waits for work (a name lookup) at most `ms` and never past the inspection's time budget: a
 * resolver can hang. The work is left to settle on its own; its result is then ignored.
 */
export async function withinConnectTime<T>(work: Promise<T>, ms: number, signal: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectTimeout(false)), ms);
    onAbort = () => reject(new Aborted());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, giveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    giveUp.catch(() => undefined);
    work.catch(() => undefined);
  }
}
