import { parentPort, workerData } from 'node:worker_threads';
import type { PlainFragment } from '../core/source.js';
import { adoptSafeDirectories } from '../git/run.js';
import { BlobFetcher } from './blob-fetch.js';
import { type WorkerData, buildDetector } from './detector.js';
import { scanFragment } from './scan-fragment.js';

/**
 * A scanning thread: builds its own detector, then scans the batches of fragments it is sent,
 * reading git blobs itself (BlobFetcher) and files itself (scanFragment).
 */
const opts = workerData as WorkerData;
if (opts.safeDirectories) adoptSafeDirectories(opts.safeDirectories);
// The main thread checked the rules against the schema already; only compile them here.
const detector = buildDetector(opts, undefined, opts.ruleBudgetMs);
const blobs = new BlobFetcher(opts.maxFileBytes);

parentPort!.on('message', (batch: { id: number; fragments: PlainFragment[] }) => {
  void blobs
    .scanAll(batch.fragments, (f) => scanFragment(f, detector, opts.maxFileBytes))
    .then((results) => parentPort!.postMessage({ id: batch.id, results }));
});
