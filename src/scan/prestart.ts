import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_FILE_SIZE } from '../config/defaults.js';
import { packageRoot } from '../core/paths.js';

/** Scanning threads when `--threads` is not given: the cores there are, four at most. */
export function defaultThreads(): number {
  return Math.min(4, availableParallelism());
}

/**
 * The scanning thread's script: beside this module in the Action's bundle (dist/scan-worker.js)
 * and in the compiled package (build/src/scan/worker.js); from the build when the tests run this
 * module from source.
 */
export function workerScript(): string | undefined {
  const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
  const choices = [here('scan-worker.js'), ...(import.meta.url.endsWith('.js') ? [here('worker.js')] : [])];
  choices.push(join(packageRoot(), 'build', 'src', 'scan', 'worker.js'));
  return choices.find((p) => existsSync(p));
}

export interface HeapLimits {
  maxYoungGenerationSizeMb: number;
  maxOldGenerationSizeMb: number;
}

/**
 * A scanning thread's heap: small young generation and an old generation sized for the largest
 * file it may hold (its bytes, its text, the lines' index), so garbage is collected early rather
 * than left to grow (two threads over 900 MB of real packages peaked at 537 MB, 325 MB with
 * these). A thread that still runs out is ended, costing only the fragments it held.
 */
export function heapLimits(maxFileBytes: number): HeapLimits {
  return { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: Math.max(256, Math.ceil(maxFileBytes / 2 ** 20) * 8) };
}

/** What a thread started ahead of its pool is given: no options yet (they come as its first message). */
export const PRESTARTED = { prestarted: true } as const;

/** Every thread started ahead has the heap a pool with the default file size cap gives. */
const PRESTART_LIMITS = heapLimits(DEFAULT_MAX_FILE_SIZE);

interface Waiting {
  worker: Worker;
  exited: boolean;
}

const waiting: Waiting[] = [];

/**
 * Starts `count` scanning threads now, before the command line is read and the configuration
 * loaded (bin/tokenscope.js, for `audit`): a thread takes about 165 ms to boot, load its code and
 * build the built-in rules' detector, which it then does while the main thread is still loading
 * the command line and planning the run, instead of after. The first pool takes them (takePrestarted)
 * and sends each its options; until then they do not keep the process alive, so a run that ends
 * early (a usage error, --help) exits as it would have.
 */
export function prestartScanThreads(count = defaultThreads()): void {
  const script = workerScript();
  if (!script) return;
  for (let i = 0; i < count; i++) {
    const w: Waiting = {
      worker: new Worker(script, { workerData: PRESTARTED, resourceLimits: PRESTART_LIMITS }),
      exited: false,
    };
    w.worker.unref();
    // A thread that failed to start is never handed out (the pool starts a fresh one instead).
    w.worker.on('error', () => {});
    w.worker.once('exit', () => {
      w.exited = true;
    });
    waiting.push(w);
  }
}

/**
 * A thread started ahead for a pool whose threads have these heap limits (a configuration that
 * raises the file size cap needs larger ones: those threads are not taken), kept alive from now
 * on; undefined when none is left. The caller sends it its options before any job.
 */
export function takePrestarted(limits: HeapLimits): Worker | undefined {
  const fits =
    limits.maxOldGenerationSizeMb === PRESTART_LIMITS.maxOldGenerationSizeMb &&
    limits.maxYoungGenerationSizeMb === PRESTART_LIMITS.maxYoungGenerationSizeMb;
  for (;;) {
    const w = waiting.shift();
    if (!w) return undefined;
    if (w.exited || !fits) {
      void w.worker.terminate();
      continue;
    }
    w.worker.removeAllListeners();
    w.worker.ref();
    return w.worker;
  }
}
