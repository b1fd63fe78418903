import { parentPort, workerData } from 'node:worker_threads';
import type { FileTask } from '../sources/worktree.js';
import { type DetectorOptions, buildDetector, scanFile } from './file-scanner.js';

/** A scanning thread: builds its own detector, then scans the batches of files it is sent. */
const opts = workerData as DetectorOptions;
const detector = buildDetector(opts);

parentPort!.on('message', async (batch: { id: number; tasks: FileTask[] }) => {
  const results = [];
  for (const t of batch.tasks) results.push(await scanFile(t, detector, opts.maxFileBytes));
  parentPort!.postMessage({ id: batch.id, results });
});
