import { parentPort, workerData } from 'node:worker_threads';
import type { PlainFragment } from '../core/source.js';
import { type DetectorOptions, buildDetector } from './detector.js';
import { scanFragment } from './scan-fragment.js';

/** A scanning thread: builds its own detector, then scans the batches of fragments it is sent. */
const opts = workerData as DetectorOptions;
// The main thread validated the rules against the schema already; only compile them here.
const detector = buildDetector(opts, true, opts.ruleBudgetMs);

parentPort!.on('message', (batch: { id: number; fragments: PlainFragment[] }) => {
  const results = batch.fragments.map((f) => scanFragment(f, detector, opts.maxFileBytes));
  parentPort!.postMessage({ id: batch.id, results });
});
