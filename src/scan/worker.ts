import { parentPort, workerData } from 'node:worker_threads';
import type { PlainFragment } from '../core/source.js';
import { adoptSafeDirectories } from '../git/run.js';
import { BlobFetcher } from './blob-fetch.js';
import { type WorkerData, buildDetector } from './detector.js';
import { scanFragment } from './scan-fragment.js';
import { CLOSE, CLOSED } from './wire.js';

/**
 * A scanning thread: builds its own detector, then scans the batches of fragments it is sent,
 * reading git blobs itself (BlobFetcher) and files itself (scanFragment).
 */
const opts = workerData as WorkerData;
if (opts.safeDirectories) adoptSafeDirectories(opts.safeDirectories);
// The main thread checked the rules against the schema already; only compile them here.
const detector = buildDetector(opts, undefined, opts.ruleBudgetMs);
const blobs = new BlobFetcher(opts.maxFileBytes);

parentPort!.on('message', (msg: { id: number; fragments: PlainFragment[] } | typeof CLOSE) => {
  if (msg === CLOSE) {
    // The pool is closing: git's readers are stopped and waited for here, where they were started
    // (a thread ended first would leave them as zombie processes), then the pool ends the thread.
    void blobs.close().then(() => parentPort!.postMessage(CLOSED));
    return;
  }
  void blobs
    .scanAll(msg.fragments, (f) => scanFragment(f, detector, opts.maxFileBytes))
    .then((results) => parentPort!.postMessage({ id: msg.id, results }));
});
