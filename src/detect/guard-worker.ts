import { type MessagePort, workerData } from 'node:worker_threads';
import { allMatches } from './match.js';

/**
 * Runs untrusted regexes (rules from a config file) for a thread that waits on it synchronously
 * with a time limit: if one backtracks without end, the waiting thread stops waiting and ends
 * this one. See guard.ts.
 */
const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

port.on('message', (job: { source: string; flags: string; hay: string }) => {
  let result: { matches: ReturnType<typeof allMatches> } | { error: string };
  try {
    result = { matches: allMatches(new RegExp(job.source, job.flags), job.hay) };
  } catch (e) {
    result = { error: (e as Error).message };
  }
  port.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
