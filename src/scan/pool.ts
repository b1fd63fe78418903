import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../core/paths.js';
import type { FileTask } from '../sources/worktree.js';
import { type DetectorOptions, type FileOutcome, buildDetector, scanFile } from './file-scanner.js';

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

/**
 * Scans files on `threads` worker threads (one core cannot reach the throughput target), or in
 * this thread when threads <= 1 or no compiled worker exists. Outcomes come back in task order.
 */
export async function scanFiles(
  tasks: FileTask[],
  opts: DetectorOptions,
  threads: number,
  onProgress?: (done: number, total: number) => void,
): Promise<PoolResult> {
  const script = threads > 1 ? workerScript() : undefined;
  const outcomes: FileOutcome[] = new Array(tasks.length);
  let bytes = 0;
  let done = 0;
  if (!script) {
    const detector = buildDetector(opts);
    for (let i = 0; i < tasks.length; i++) {
      const o = scanFile(tasks[i]!, detector, opts.maxFileBytes);
      outcomes[i] = o;
      bytes += o.bytes;
      onProgress?.(++done, tasks.length);
    }
    return { outcomes, bytes };
  }

  const batches: Array<{ id: number; start: number; tasks: FileTask[] }> = [];
  for (let i = 0; i < tasks.length; i += BATCH_FILES) {
    batches.push({ id: batches.length, start: i, tasks: tasks.slice(i, i + BATCH_FILES) });
  }
  let next = 0;
  const workers = Array.from(
    { length: Math.min(threads, Math.max(1, batches.length)) },
    () => new Worker(script, { workerData: opts }),
  );
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const feed = () => {
              const b = next < batches.length ? batches[next++] : undefined;
              if (b) {
                inFlight++;
                w.postMessage({ id: b.id, tasks: b.tasks });
              } else if (inFlight === 0) resolve();
            };
            w.on('message', (msg: { id: number; results: FileOutcome[] }) => {
              const b = batches[msg.id]!;
              msg.results.forEach((o, k) => {
                outcomes[b.start + k] = o;
                bytes += o.bytes;
              });
              inFlight--;
              done += msg.results.length;
              onProgress?.(done, tasks.length);
              feed();
            });
            w.on('error', reject);
            // Two batches in flight per worker keep it busy while the main thread merges.
            feed();
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { outcomes, bytes };
}
