import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_MAX_FILE_SIZE } from '../config/defaults.js';
import type { PlainFragment } from '../core/source.js';
import { adoptSafeDirectories } from '../git/run.js';
import { BlobFetcher } from './blob-fetch.js';
import { type WorkerData, buildDetector } from './detector.js';
import type { PRESTARTED } from './prestart.js';
import { scanFragment } from './scan-fragment.js';
import { CLOSE, CLOSED } from './wire.js';

type Message = { id: number; fragments: PlainFragment[] } | { options: WorkerData } | typeof CLOSE;

/**
 * A scanning thread: builds its own detector, then scans the batches of fragments it is sent,
 * reading git blobs itself (BlobFetcher) and files itself (scanFragment). A thread started ahead
 * of its pool (prestart.ts) builds the built-in rules' detector at once, as most runs want, and
 * learns its options from its first message.
 */
const given = workerData as WorkerData | typeof PRESTARTED;
let opts: WorkerData =
  'prestarted' in given ? { extraRules: [], only: [], maxFileBytes: DEFAULT_MAX_FILE_SIZE } : given;
if (opts.safeDirectories) adoptSafeDirectories(opts.safeDirectories);
// The main thread checked the rules against the schema already; only compile them here.
let detector = buildDetector(opts, undefined, opts.ruleBudgetMs);
let blobs = new BlobFetcher(opts.maxFileBytes);

/** A prestarted thread's options: the detector built ahead serves unless they name rules of their own. */
function adopt(options: WorkerData): void {
  if (options.safeDirectories) adoptSafeDirectories(options.safeDirectories);
  if (options.extraRules.length > 0 || options.only.length > 0)
    detector = buildDetector(options, undefined, options.ruleBudgetMs);
  // No reader has started yet: the first job comes after this message.
  blobs = new BlobFetcher(options.maxFileBytes);
  opts = options;
}

parentPort!.on('message', (msg: Message) => {
  if (msg === CLOSE) {
    // The pool is closing: git's readers are stopped and waited for here, where they were started
    // (a thread ended first would leave them as zombie processes), then the pool ends the thread.
    void blobs.close().then(() => parentPort!.postMessage(CLOSED));
    return;
  }
  if ('options' in msg) {
    adopt(msg.options);
    return;
  }
  void blobs
    .scanAll(msg.fragments, (f) => scanFragment(f, detector, opts.maxFileBytes))
    .then((results) => parentPort!.postMessage({ id: msg.id, results }));
});
