import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../core/paths.js';
import { DEFAULT_FILE_BUDGET_MS } from '../config/defaults.js';
import type { FileTask } from '../sources/worktree.js';
import { buildDetector, type DetectorOptions, type FileOutcome, scanFile } from './file-scanner.js';

export interface PoolResult {
  outcomes: FileOutcome[];
  bytes: number;
}

const BATCH_FILES = 32;

/** The compiled worker, when the package has been built (tests under ts-jest may run from source). */
export function workerScript(): string | undefined {
  const p = join(packageRoot(), 'build', 'src', 'scan', 'worker.js');
  return existsSync(p) ? p : undefined;
}

interface Batch {
  start: number;
  tasks: FileTask[];
}

/**
 * Scans files on `threads` worker threads (one core cannot reach the throughput target), or in
 * this thread when threads <= 1 or no compiled worker exists. Outcomes come back in task order.
 *
 * With custom rules from a config file, files always go to workers one at a time under a
 * watchdog: a file that takes longer than `fileBudgetMs` (a catastrophic regex) has its worker
 * terminated and is reported skipped, and the scan goes on with a fresh worker.
 */
export async function scanFiles(
  tasks: FileTask[],
  opts: DetectorOptions,
  threads: number,
  onProgress?: (done: number, total: number) => void,
  fileBudgetMs = DEFAULT_FILE_BUDGET_MS,
): Promise<PoolResult> {
  const guarded = opts.extraRules.length > 0;
  const backstopMs = fileBudgetMs * 3 + 1000;
  const script = threads > 1 || guarded ? workerScript() : undefined;
  const outcomes: FileOutcome[] = new Array(tasks.length);
  let bytes = 0;
  let done = 0;
  const record = (index: number, o: FileOutcome) => {
    outcomes[index] = o;
    bytes += o.bytes;
    onProgress?.(++done, tasks.length);
  };
  if (!script) {
    const detector = buildDetector(opts, false, opts.ruleBudgetMs);
    tasks.forEach((t, i) => {
      record(i, scanFile(t, detector, opts.maxFileBytes));
    });
    return { outcomes, bytes };
  }

  const size = guarded ? 1 : BATCH_FILES;
  const batches: Batch[] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push({ start: i, tasks: tasks.slice(i, i + size) });
  let next = 0;
  const lanes = Math.max(1, Math.min(threads, batches.length));
  const live = new Set<Worker>();
  const spawn = () => {
    const w = new Worker(script, { workerData: opts });
    live.add(w);
    return w;
  };

  /** One lane: a worker fed batch after batch; replaced when the watchdog fires. */
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let worker = spawn();
      // Unguarded, two batches are in flight per worker, so it never waits for the main thread.
      const inFlight = new Map<number, Batch>();
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        const b = batches[next++];
        if (!b) {
          if (inFlight.size === 0) resolve();
          return;
        }
        inFlight.set(b.start, b);
        worker.postMessage({ id: b.start, tasks: b.tasks });
        // A backstop: each custom rule already runs under the guard's per-fragment limit.
        if (guarded) timer = setTimeout(onTimeout, backstopMs);
      };
      const onMessage = (msg: { id: number; results: FileOutcome[] }) => {
        clearTimeout(timer);
        inFlight.delete(msg.id);
        msg.results.forEach((o, k) => {
          record(msg.id + k, o);
        });
        feed();
      };
      const onTimeout = () => {
        live.delete(worker);
        worker.removeAllListeners();
        void worker.terminate();
        for (const b of inFlight.values()) {
          b.tasks.forEach((_t, k) => {
            record(b.start + k, {
              candidates: [],
              bytes: 0,
              skipped: `scan took longer than ${backstopMs} ms (a custom rule's regex?); stopped`,
            });
          });
        }
        inFlight.clear();
        worker = spawn();
        attach();
        feed();
      };
      const attach = () => {
        worker.on('message', onMessage);
        worker.on('error', reject);
      };
      attach();
      feed();
      if (!guarded) feed();
    });
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return { outcomes, bytes };
}
