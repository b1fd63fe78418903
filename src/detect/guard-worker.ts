import { type MessagePort, workerData } from 'node:worker_threads';
import type { GuardJob, GuardReply } from './guard.js';
import { allMatches } from './match.js';

/**
 * Runs untrusted regexes (a config file's rules: their match, context and path patterns) for a
 * thread that waits on it synchronously with a time limit: if one backtracks without end, the
 * waiting thread stops waiting and ends this one. See guard.ts.
 */
const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

port.on('message', (job: GuardJob) => {
  let result: GuardReply;
  try {
    const re = new RegExp(job.source, job.flags);
    result = job.first ? { hit: re.test(job.hay) } : { matches: allMatches(re, job.hay) };
  } catch (e) {
    result = { error: (e as Error).message };
  }
  port.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
