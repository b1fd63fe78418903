import { Worker } from 'node:worker_threads';
import { DEFAULT_FILE_BUDGET_MS } from '../config/defaults.js';
import type { PlainFragment } from '../core/source.js';
import type { Detector } from '../detect/engine.js';
import { ruleSchemaCheck } from '../detect/load.js';
import { knownSafeDirectories } from '../git/run.js';
import { BlobFetcher } from './blob-fetch.js';
import { buildDetector, type DetectorOptions, type WorkerData } from './detector.js';
import { heapLimits, takePrestarted, workerScript } from './prestart.js';
import { scanFragment } from './scan-fragment.js';
import { CLOSE, CLOSED, type WireOutcome } from './wire.js';

/**
 * How long a closing thread may take to stop its git readers (a few milliseconds when it is idle)
 * before it is ended regardless.
 */
const CLOSE_WAIT_MS = 2000;

interface Job {
  fragments: PlainFragment[];
  resolve: (outcomes: WireOutcome[]) => void;
  /** The thread that must take it (modulo the threads running); none: the least busy one. */
  lane?: number;
}

/** One scanning thread and the jobs it holds. */
interface Lane {
  worker: Worker;
  inFlight: Map<number, Job>;
  timer?: NodeJS.Timeout;
}

/**
 * The scanning threads every source feeds. Each thread builds its own detector once and scans
 * the batches of fragments it is sent. One thread is one worker too, never the main thread: a
 * worker's heap has limits (see heapLimits) and the main one has none, so detecting here let its
 * garbage grow with the tree (413 MB peak over 855 MB of packages, 259 MB on a worker). Only
 * without a compiled worker (tests run from source, unbuilt) are fragments scanned here.
 *
 * With rules from a config file, fragments go to the threads one at a time under a watchdog: a
 * fragment that takes longer than the backstop (a catastrophic regex the per-rule guard did not
 * stop) has its thread ended and is reported skipped, and a fresh thread takes the next one. A
 * thread that dies costs the fragments it held (skipped, with the reason), never the scan.
 */
export class ScanPool {
  private readonly queue: Job[] = [];
  private readonly lanes: Lane[] = [];
  private nextId = 0;
  private inline: Detector | undefined;
  /** The built-in rules alone, for what a thread held when it overran (see overran). */
  private builtIn: Detector | undefined;
  private closed = false;
  /** Git blobs of what is scanned here (one thread, or a thread's jobs rescanned after an overrun). */
  private readonly blobs: BlobFetcher;
  private readonly guarded: boolean;
  private readonly depth: number;
  private readonly backstopMs: number;
  /** Whether this pool runs the scanning thread's own script, which threads started ahead run. */
  private readonly takesPrestarted: boolean;

  constructor(
    private readonly opts: DetectorOptions,
    private readonly threads: number,
    fileBudgetMs = DEFAULT_FILE_BUDGET_MS,
    private readonly script = workerScript(),
  ) {
    this.guarded = opts.extraRules.length > 0;
    // Unguarded, two jobs wait at each thread, so it never idles while the main thread replies.
    this.depth = this.guarded ? 1 : 2;
    // Every config regex on a fragment (match, context, path) may use its whole budget before the
    // guard stops it: the backstop waits for all of them, and then some, before it acts.
    this.backstopMs = fileBudgetMs * (3 + 2 * opts.extraRules.length) + 2000;
    this.blobs = new BlobFetcher(opts.maxFileBytes);
    this.takesPrestarted = script !== undefined && script === workerScript();
  }

  /** How many threads run: one at least (`--threads 1` is one worker too). */
  private get size(): number {
    return Math.max(1, this.threads);
  }

  /** How many jobs may usefully wait for the threads: more only holds memory. */
  get capacity(): number {
    return this.script ? this.size * this.depth : 1;
  }

  /** How many threads take jobs (the number of lanes a job may be given to). */
  get threadCount(): number {
    return this.script ? this.size : 1;
  }

  /** Fragments per job: one under the watchdog, so a slow one costs only itself. */
  get batchSize(): number {
    return this.guarded ? 1 : 32;
  }

  /**
   * Starts every thread now: each loads its code and builds its detector (about 0.2 CPU-s) while
   * the sources list their first fragments, instead of after the first job arrives.
   */
  warm(): void {
    if (!this.script || this.closed) return;
    while (this.lanes.length < this.size) this.spawn();
  }

  /**
   * Scans fragments; outcomes come back in the order given. `lane`: the thread that must scan
   * them (modulo the threads running), for jobs that share that thread's git reader's cache.
   */
  scan(fragments: PlainFragment[], lane?: number): Promise<WireOutcome[]> {
    if (this.closed) return Promise.reject(new Error('the scanning pool is closed'));
    if (fragments.length === 0) return Promise.resolve([]);
    if (!this.script) {
      this.inline ??= buildDetector(this.opts, ruleSchemaCheck, this.opts.ruleBudgetMs);
      const detector = this.inline;
      return this.blobs.scanAll(fragments, (f) => scanFragment(f, detector, this.opts.maxFileBytes));
    }
    return new Promise((resolve) => {
      this.queue.push({ fragments, resolve, ...(lane !== undefined ? { lane } : {}) });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const lanes = this.lanes.splice(0);
    for (const l of lanes) clearTimeout(l.timer);
    await Promise.all([this.blobs.close(), ...lanes.map((l) => this.stop(l))]);
  }

  /**
   * Ends a thread once it has stopped its git readers and waited for them (or after
   * CLOSE_WAIT_MS, for a thread too busy to answer: a hostile rule it is still running).
   */
  private async stop(lane: Lane): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_WAIT_MS);
      lane.worker.on('message', (msg: unknown) => {
        if (msg !== CLOSED) return;
        clearTimeout(timer);
        resolve();
      });
      lane.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      lane.worker.postMessage(CLOSE);
    });
    await lane.worker.terminate();
  }

  /** Hands waiting jobs to threads with room, starting threads up to the limit. */
  private pump(): void {
    // In order; a job whose thread is full waits, and the jobs after it may go to other threads
    // (each job has its own answer, so the order they finish in does not matter).
    for (let i = 0; i < this.queue.length; ) {
      const job = this.queue[i]!;
      let lane: Lane | undefined;
      if (job.lane !== undefined) {
        while (this.lanes.length < this.size) this.spawn();
        lane = this.lanes[job.lane % this.lanes.length];
      } else {
        // The least busy thread takes the job; an idle thread is started before anyone queues twice.
        lane = this.lanes.reduce<Lane | undefined>(
          (best, l) => (!best || l.inFlight.size < best.inFlight.size ? l : best),
          undefined,
        );
        if ((!lane || lane.inFlight.size > 0) && this.lanes.length < this.size) lane = this.spawn();
      }
      if (!lane || lane.inFlight.size >= this.depth) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.send(lane, job);
    }
    // A thread with nothing in hand takes the last job waiting for another one (the end of a run
    // of git blobs given to a busy thread, as the history ends): a run kept together keeps that
    // thread's git reader's cache warm, which is worth less than a core left idle.
    for (const lane of this.lanes) {
      if (this.queue.length === 0) break;
      if (lane.inFlight.size === 0) this.send(lane, this.queue.pop()!);
    }
  }

  private spawn(): Lane {
    const options: WorkerData = { ...this.opts, safeDirectories: knownSafeDirectories() };
    const limits = heapLimits(this.opts.maxFileBytes);
    // A thread started ahead of the run (bin/tokenscope.js) is taken first: it has booted and
    // built the built-in detector already, and is told its options before any job.
    const ahead = this.takesPrestarted ? takePrestarted(limits) : undefined;
    ahead?.postMessage({ options });
    const lane: Lane = {
      worker: ahead ?? new Worker(this.script!, { workerData: options, resourceLimits: limits }),
      inFlight: new Map(),
    };
    lane.worker.on('message', (msg: { id: number; results: WireOutcome[] }) => {
      const job = lane.inFlight.get(msg.id);
      if (!job) return;
      lane.inFlight.delete(msg.id);
      if (lane.inFlight.size === 0) clearTimeout(lane.timer);
      job.resolve(msg.results);
      this.pump();
    });
    lane.worker.on('error', (e) => this.fail(lane, `the scanning thread failed: ${e.message}`));
    lane.worker.on('exit', () => this.fail(lane, 'the scanning thread stopped'));
    this.lanes.push(lane);
    return lane;
  }

  private send(lane: Lane, job: Job): void {
    const id = this.nextId++;
    lane.inFlight.set(id, job);
    const { fragments, transfer } = packed(job.fragments);
    lane.worker.postMessage({ id, fragments }, transfer);
    // A backstop: each config rule already runs under the guard's per-fragment limit.
    if (this.guarded) {
      clearTimeout(lane.timer);
      lane.timer = setTimeout(() => this.overran(lane), this.backstopMs);
    }
  }

  /**
   * A thread past the backstop (a config rule the guard did not stop): it is ended, and what it
   * held is scanned again here with the built-in rules only (linear, trusted), so a hostile rule
   * or file never hides another finding; a note says the config's rules did not run there.
   */
  private overran(lane: Lane): void {
    const held = [...lane.inFlight.values()];
    lane.inFlight.clear();
    this.fail(lane, 'stopped');
    this.builtIn ??= buildDetector({ extraRules: [], only: this.opts.only });
    const detector = this.builtIn;
    for (const job of held) {
      void this.blobs
        .scanAll(job.fragments, (f) => {
          const o = scanFragment(f, detector, this.opts.maxFileBytes);
          const note = `custom rules stopped on ${f.meta.path}: its scan took longer than ${this.backstopMs} ms; only the built-in rules ran there`;
          return { ...o, notes: [...(o.notes ?? []), note] };
        })
        .then(job.resolve);
    }
  }

  /** A thread that hung or died: its jobs are skipped with the reason, a fresh one takes over. */
  private fail(lane: Lane, reason: string): void {
    const i = this.lanes.indexOf(lane);
    if (i === -1) return;
    this.lanes.splice(i, 1);
    clearTimeout(lane.timer);
    lane.worker.removeAllListeners();
    lane.worker.on('error', () => {});
    void lane.worker.terminate();
    for (const job of lane.inFlight.values())
      job.resolve(job.fragments.map(() => ({ found: [], bytes: 0, skipped: reason })));
    lane.inFlight.clear();
    if (!this.closed) this.pump();
  }
}

/**
 * A job's raw bytes copied once into one buffer that is handed over to the thread (transferred,
 * not cloned): one copy here instead of one on each side of the boundary per fragment.
 */
function packed(fragments: PlainFragment[]): { fragments: PlainFragment[]; transfer: ArrayBuffer[] } {
  let total = 0;
  for (const f of fragments) if ('bytes' in f.content) total += f.content.bytes.byteLength;
  if (total === 0) return { fragments, transfer: [] };
  const buffer = new ArrayBuffer(total);
  let at = 0;
  const out = fragments.map((f): PlainFragment => {
    if (!('bytes' in f.content)) return f;
    const view = new Uint8Array(buffer, at, f.content.bytes.byteLength);
    view.set(f.content.bytes);
    at += view.byteLength;
    return { meta: f.meta, content: { bytes: view } };
  });
  return { fragments: out, transfer: [buffer] };
}
