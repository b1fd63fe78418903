import type { PlainFragment, ScanMore, ScanOutcome, Source, SourceFragment } from '../core/source.js';
import type { Candidate } from '../core/types.js';
import type { ScanPool } from './pool.js';
import { fromWire, type WireOutcome } from './wire.js';

/** A job this large (text and bytes in hand) is sent without waiting for more fragments. */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Git blobs go to the threads in runs of this many jobs (512 blobs), each run to one thread:
 * blobs near each other in the walk share delta bases in git's pack, and a thread's own
 * `cat-file` reads a run with its cache warm. Alternating jobs between two readers cost git 43%
 * more CPU on a synthetic history of small edits (1.24 against 0.87 CPU-s for the same 15,025
 * blobs); runs of 512 cost what one reader does (0.85). A thread with nothing in hand takes the
 * last job waiting for another (ScanPool.pump): at the start, while the first run is handed out,
 * and at the end, when one thread's last run is longer than the other's.
 */
const BLOB_RUN = 16;

/** What one source's fragments came to. */
export interface SourceTally {
  fragments: number;
  /** Bytes read and scanned. */
  bytes: number;
  /** Fragments not scanned (binary ones included). */
  skipped: number;
  binary: number;
}

export interface DetectResult {
  /** In the order the sources yielded them, whatever order the threads answered in. */
  candidates: Candidate[];
  /** Likewise in the sources' order: skipped fragments, rules the guard stopped, failures. */
  notes: string[];
  /** One per source, in the order given. */
  tallies: SourceTally[];
}

const outcomeOf = (w: WireOutcome): ScanOutcome => ({ ...w, found: w.found.map(fromWire) });

const sizeOf = (f: PlainFragment) =>
  'text' in f.content ? f.content.text.length : 'bytes' in f.content ? f.content.bytes.length : 0;

/** Only what a scanning thread needs: the settle function stays here. */
const plain = (f: PlainFragment): PlainFragment => ({ meta: f.meta, content: f.content });

/** Scanning more through the pool, for a source's settle or a refiner (outcomes in the order asked). */
export const scanMoreVia =
  (pool: ScanPool): ScanMore =>
  async (fragments) =>
    (await pool.scan(fragments.map(plain))).map(outcomeOf);

interface Pending {
  f: SourceFragment;
  at: number;
  tally: SourceTally;
}

/**
 * Feeds every source's fragments to the scanning pool, a few jobs ahead of the threads (the
 * sources stream: history never holds more than those jobs' blobs), and lets each fragment's
 * source settle what was found in it. Without a `settle`, a fragment's candidates stand as found,
 * a binary one is counted and any other skipped one is a note. One fragment whose settling fails
 * costs that fragment. Candidates and notes keep the sources' order, so a run's report does not
 * depend on which thread answered first.
 */
export async function detectSources(
  sources: Source[],
  pool: ScanPool,
  onProgress?: (done: number) => void,
  /** Called once every fragment is drawn, while the threads finish the last jobs. */
  onDrawn?: () => void,
): Promise<DetectResult> {
  const found = new Map<number, Candidate[]>();
  const noted = new Map<number, string[]>();
  const tallies = sources.map((): SourceTally => ({ fragments: 0, bytes: 0, skipped: 0, binary: 0 }));
  const scanMore = scanMoreVia(pool);
  const inFlight = new Set<Promise<void>>();
  /**
   * Wakes the source waiting for room, once a job ends. Not a race over the jobs in flight: each
   * race hangs a reaction on every job, and waiting once per fragment left hundreds of thousands
   * of them to outlive the young generation (the main thread's costliest collections).
   */
  let wake: (() => void) | undefined;
  /** The first job that failed (its error ends the run, as it would have ended the race). */
  let failed: { error: unknown } | undefined;
  const track = (job: Promise<void>) => {
    inFlight.add(job);
    const finished = () => {
      inFlight.delete(job);
      const w = wake;
      wake = undefined;
      w?.();
    };
    job.then(finished, (error: unknown) => {
      failed ??= { error };
      finished();
    });
  };
  const jobEnded = async () => {
    if (!failed)
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    if (failed) throw failed.error;
  };
  let index = 0;
  let done = 0;

  const note = (at: number, text: string) => {
    const list = noted.get(at);
    if (list) list.push(text);
    else noted.set(at, [text]);
  };

  const settleOne = async ({ f, at, tally }: Pending, o: ScanOutcome) => {
    tally.fragments++;
    tally.bytes += o.bytes;
    if (o.skipped) tally.skipped++;
    if (o.skipped === 'binary') tally.binary++;
    for (const n of o.notes ?? []) note(at, n);
    try {
      f.scanned?.(o);
      let kept = o.found;
      if (f.settle) kept = await f.settle(o, scanMore);
      else if (o.skipped && o.skipped !== 'binary') note(at, `skipped ${f.meta.path}: ${o.skipped}`);
      if (kept.length > 0) found.set(at, kept);
    } catch (e) {
      note(at, `could not scan ${f.meta.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    onProgress?.(++done);
  };

  /** Jobs of git blobs in flight: they hold ids, not bytes, so more of them may wait (see BLOB_RUN). */
  let blobJobs = 0;
  /** Jobs of git blobs sent so far: the count says which run, and so which thread, the next one joins. */
  let blobJobsSent = 0;
  const dispatch = (batch: Pending[], blobs: boolean) => {
    const lane = blobs ? Math.floor(blobJobsSent++ / BLOB_RUN) : undefined;
    if (blobs) blobJobs++;
    const job = pool
      .scan(
        batch.map((p) => plain(p.f)),
        lane,
      )
      .then((outs) => Promise.all(batch.map((p, k) => settleOne(p, outcomeOf(outs[k]!)))))
      .then(() => {
        if (blobs) blobJobs--;
      });
    track(job);
  };
  // Every thread may have a run of blob jobs waiting, besides the usual jobs.
  const blobRoom = pool.threadCount * (BLOB_RUN + 2);
  const full = () => inFlight.size - blobJobs >= pool.capacity || blobJobs >= blobRoom;

  try {
    for (const source of sources) source.prepare?.();
    for (const [s, source] of sources.entries()) {
      let batch: Pending[] = [];
      let batchBytes = 0;
      let blobBatch: Pending[] = [];
      for await (const f of source.fragments()) {
        if ('scanned' in f.content) {
          // Scanned earlier in this run (the same blob at the same path): settled here and now.
          track(settleOne({ f, at: index++, tally: tallies[s]! }, f.content.scanned));
          continue;
        }
        const pending = { f, at: index++, tally: tallies[s]! };
        if ('blob' in f.content) {
          blobBatch.push(pending);
          if (blobBatch.length < pool.batchSize) continue;
          dispatch(blobBatch, true);
          blobBatch = [];
        } else {
          batch.push(pending);
          batchBytes += sizeOf(f);
          if (batch.length < pool.batchSize && batchBytes < BATCH_BYTES) continue;
          dispatch(batch, false);
          batch = [];
          batchBytes = 0;
        }
        // Backpressure: the source waits while the threads have enough in hand.
        while (full()) await jobEnded();
      }
      if (batch.length > 0) dispatch(batch, false);
      if (blobBatch.length > 0) dispatch(blobBatch, true);
    }
    onDrawn?.();
    while (inFlight.size > 0) await jobEnded();
    if (failed) throw failed.error;
  } finally {
    await Promise.allSettled(inFlight);
    for (const source of sources) await source.close?.();
  }

  const inOrder = <T>(m: Map<number, T[]>) => [...m.keys()].sort((a, b) => a - b).flatMap((i) => m.get(i)!);
  return { candidates: inOrder(found), notes: inOrder(noted), tallies };
}
