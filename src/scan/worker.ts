import { parentPort, workerData } from 'node:worker_threads';
import type { FileTask } from '../sources/worktree.js';
import { type DetectorOptions, buildDetector, scanFile } from './file-scanner.js';

/** A scanning thread: builds its own detector, then scans the batches of files it is sent. */
const opts = workerData as DetectorOptions;
// The main thread validated the rules against the schema already; only compile them here.
const detector = buildDetector(opts, true, opts.ruleBudgetMs);

parentPort!.on('message', (batch: { id: number; tasks: FileTask[] }) => {
  const results = batch.tasks.map((t) => scanFile(t, detector, opts.maxFileBytes));
  parentPort!.postMessage({ id: batch.id, results });
});
