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
    const detector = buildDetector(opts);
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
      let current: Batch | undefined;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        current = batches[next++];
        if (!current) return resolve();
        worker.postMessage({ id: current.start, tasks: current.tasks });
        if (guarded) timer = setTimeout(onTimeout, fileBudgetMs);
      };
      const onMessage = (msg: { id: number; results: FileOutcome[] }) => {
        clearTimeout(timer);
        msg.results.forEach((o, k) => {
          record(msg.id + k, o);
        });
        feed();
      };
      const onTimeout = () => {
        const b = current!;
        live.delete(worker);
        worker.removeAllListeners();
        void worker.terminate();
        b.tasks.forEach((_t, k) => {
          record(b.start + k, {
            candidates: [],
            bytes: 0,
            skipped: `scan took longer than ${fileBudgetMs} ms (a custom rule's regex?); stopped`,
          });
        });
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
    });
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return { outcomes, bytes };
}
