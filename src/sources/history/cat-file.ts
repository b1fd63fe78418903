import { type GitPlace, hugePagesEnv } from '../../git/run.js';
import { BlobBuffers } from './blob-buffers.js';
import { type GitChild, spawnGit } from './spawn.js';

/** One answer of `git cat-file --batch`, in request order. */
export type BlobAnswer =
  /**
   * `release`, when present: the content's buffer may be reused once nothing holds a view of it
   * (a consumer that never calls it just leaves the buffer to the collector).
   */
  | { oid: string; kind: 'blob'; size: number; content: Buffer; release?: () => void }
  /** Larger than the cap: its bytes were read past, never held. */
  | { oid: string; kind: 'oversize'; size: number }
  | { oid: string; kind: 'missing' | 'not-a-blob' | 'unreadable'; reason: string };

/** Answers parsed but not yet taken; beyond this the parser stops reading and git waits. */
const MAX_QUEUED = 64;
/** ... or beyond this many bytes of content (64 blobs at the size cap would be gigabytes). */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

/** A full object id (SHA-1 or SHA-256): the only thing ever sent to cat-file, one per line. */
export const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** `<oid> <type> <size>`; anything else from git is a broken conversation, not an answer. */
const MAX_HEADER = 256;
const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d{1,15})$/;

/**
 * One long-lived `git cat-file --batch` process: blob ids go in (request), contents come out
 * (read) in the same order, parsed from the byte stream as it arrives. Contents above `maxBytes`
 * are read past without being held. Every stage waits for the next one (pipes and a bounded
 * queue), so memory stays flat whatever the repository's size. If git dies on a broken object,
 * that object is answered `unreadable` and a fresh process takes the rest of the queue.
 * Only object ids are ever sent (a path could hold a newline and turn into several requests),
 * and an answer that does not parse, or answers another object, stops the reader: every id
 * still pending is answered `unreadable`, so the consumer always ends.
 */
export class BlobReader {
  private child!: GitChild;
  /** Ids sent to the current process and not answered yet, oldest first. */
  private inFlight: string[] = [];
  private ended = false;
  private finished = false;
  private answers: BlobAnswer[] = [];
  private queuedBytes = 0;
  private wakeReader: (() => void) | undefined;
  private wakeParser: (() => void) | undefined;
  private restarts = 0;
  /** Set when git's answers stopped making sense: every request from then on is answered with it. */
  private broken: string | undefined;
  /** Contents that span several output chunks are assembled in reused buffers. */
  private readonly buffers = new BlobBuffers();

  /**
   * @param buffered `--buffer`: fastest for a stream of requests, but git holds answers until its
   *   buffer fills or input ends; a reader asked one object at a time (BlobLookup) needs it off.
   */
  constructor(
    private readonly place: GitPlace,
    private readonly maxBytes: number,
    private readonly buffered = true,
  ) {
    this.start();
  }

  /** Sends one id; resolves when git's input pipe can take more. */
  request(oid: string): Promise<void> {
    return this.requestMany([oid]);
  }

  /** Sends ids in one write (one wake-up of git, not one per id); resolves when the pipe can take more. */
  async requestMany(oids: string[]): Promise<void> {
    if (!oids.every((oid) => OBJECT_ID.test(oid))) throw new Error('BlobReader: only object ids are requested');
    if (this.finished) {
      for (const oid of oids) this.push({ oid, kind: 'unreadable', reason: this.broken ?? 'the reader was closed' });
      return;
    }
    this.inFlight.push(...oids);
    // Answered, in its turn, when the stopped process's exit is handled.
    if (this.broken !== undefined) return;
    const stdin = this.child.proc.stdin;
    if (stdin.write(`${oids.join('\n')}\n`)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stdin.off('drain', done);
        stdin.off('close', done);
        resolve();
      };
      stdin.on('drain', done);
      stdin.on('close', done);
    });
  }

  /** No more requests: the answers end after the last one. */
  end(): void {
    this.ended = true;
    this.child.proc.stdin.end();
  }

  /**
   * Stops at once (the consumer gave up, or the scan is over): the process is killed, pending
   * requests are dropped. Resolves once git has exited and been waited for: a thread that ends
   * before then leaves it behind as a zombie process until tokenscope exits.
   */
  close(): Promise<void> {
    this.ended = true;
    this.finished = true;
    this.inFlight = [];
    this.child.proc.kill();
    this.poke('reader');
    this.poke('parser');
    return this.child.exited.then(() => undefined);
  }

  get closed(): boolean {
    return this.finished;
  }

  /** The answers, in request order; ends when every request is answered after end(). */
  async *read(): AsyncGenerator<BlobAnswer> {
    for (;;) {
      if (this.answers.length > 0) {
        const batch = this.answers;
        this.answers = [];
        this.queuedBytes = 0;
        this.poke('parser');
        yield* batch;
        continue;
      }
      if (this.finished) return;
      await new Promise<void>((resolve) => {
        this.wakeReader = resolve;
      });
    }
  }

  private poke(who: 'reader' | 'parser'): void {
    const w = who === 'reader' ? this.wakeReader : this.wakeParser;
    if (who === 'reader') this.wakeReader = undefined;
    else this.wakeParser = undefined;
    w?.();
  }

  private push(a: BlobAnswer): void {
    this.answers.push(a);
    if (a.kind === 'blob') this.queuedBytes += a.content.length;
    this.poke('reader');
  }

  private start(): void {
    const child = spawnGit(this.place, ['cat-file', '--batch', ...(this.buffered ? ['--buffer'] : [])], {
      env: hugePagesEnv(),
    });
    this.child = child;
    // A write to a process that died is reported by its exit; the pipe error itself is not news.
    child.proc.stdin.on('error', () => {});
    const parsed = this.parse(child).catch(() => {});
    Promise.all([parsed, child.exited]).then(([, code]) => this.onExit(child, code));
  }

  private onExit(child: GitChild, code: number): void {
    if (child !== this.child || this.finished) return;
    if (this.broken !== undefined) {
      for (const oid of this.inFlight.splice(0)) this.push({ oid, kind: 'unreadable', reason: this.broken });
      this.finished = true;
      this.poke('reader');
      return;
    }
    if (this.inFlight.length === 0 && this.ended) {
      this.finished = true;
      this.poke('reader');
      return;
    }
    // git died with requests pending: the oldest one is the object it choked on.
    const bad = this.inFlight.shift();
    if (bad)
      this.push({ oid: bad, kind: 'unreadable', reason: child.complaint() || `git cat-file exited with ${code}` });
    const rest = this.inFlight;
    this.inFlight = [];
    if (++this.restarts > 20) {
      for (const oid of rest) this.push({ oid, kind: 'unreadable', reason: 'git cat-file keeps failing' });
      this.finished = true;
      this.poke('reader');
      return;
    }
    this.start();
    for (const oid of rest) {
      this.inFlight.push(oid);
      this.child.proc.stdin.write(`${oid}\n`);
    }
    if (this.ended) this.child.proc.stdin.end();
  }

  /** Never guess where the next answer starts: stop, and say so for every pending id. */
  private stop(child: GitChild): void {
    this.broken = 'git cat-file gave an answer that could not be parsed';
    child.proc.kill();
  }

  /** The byte-stream parser: a header line `<oid> <type> <size>`, then `size` bytes and a newline. */
  private async parse(child: GitChild): Promise<void> {
    let header: Buffer | undefined;
    /**
     * The answer being read: `left` counts the content and its trailing newline; `into` is where
     * a content spanning several chunks is assembled (none when it is read past or lies in one).
     */
    let body: { oid: string; type: string; size: number; left: number; keep: boolean; into?: Buffer } | undefined;
    for await (const chunk of child.proc.stdout as AsyncIterable<Buffer>) {
      let buf: Buffer = chunk;
      while (buf.length > 0) {
        if (body) {
          const take = Math.min(body.left, buf.length);
          const { oid, type, size, keep } = body;
          const filled = size + 1 - body.left;
          if (keep && !body.into && take === body.left) {
            // The whole content in this chunk (most blobs): a view of it, not a copy.
            body = undefined;
            this.inFlight.shift();
            this.push({ oid, kind: 'blob', size, content: buf.subarray(0, size) });
            buf = buf.subarray(take);
            continue;
          }
          if (keep) {
            body.into ??= this.buffers.take(size);
            // The trailing newline is not content.
            if (filled < size) buf.copy(body.into, filled, 0, Math.min(take, size - filled));
          }
          body.left -= take;
          buf = buf.subarray(take);
          if (body.left > 0) continue;
          const into = body.into;
          body = undefined;
          this.inFlight.shift();
          if (type !== 'blob') this.push({ oid, kind: 'not-a-blob', reason: `a ${type}, not a blob` });
          else if (into) this.push({ oid, kind: 'blob', size, content: into, release: () => this.buffers.give(into) });
          else this.push({ oid, kind: 'oversize', size });
          continue;
        }
        const nl = buf.indexOf(10);
        if (nl < 0) {
          header = header ? Buffer.concat([header, buf]) : Buffer.from(buf);
          if (header.length > MAX_HEADER) return this.stop(child);
          break;
        }
        const lineBuf = header ? Buffer.concat([header, buf.subarray(0, nl)]) : buf.subarray(0, nl);
        header = undefined;
        buf = buf.subarray(nl + 1);
        const line = lineBuf.toString('latin1');
        const expected = this.inFlight[0];
        if (expected !== undefined && (line === `${expected} missing` || line === `${expected} ambiguous`)) {
          this.inFlight.shift();
          this.push({
            oid: expected,
            kind: 'missing',
            reason: line.endsWith('missing') ? 'missing or corrupt object' : 'ambiguous object name',
          });
          continue;
        }
        const m = HEADER.exec(line);
        if (!m || m[1] !== expected) return this.stop(child);
        const type = m[2]!;
        const size = Number(m[3]);
        body = { oid: m[1]!, type, size, left: size + 1, keep: type === 'blob' && size <= this.maxBytes };
      }
      // Backpressure: while the consumer is behind, stop reading, so git stops writing.
      while (!this.finished && (this.answers.length >= MAX_QUEUED || this.queuedBytes > MAX_QUEUED_BYTES)) {
        await new Promise<void>((resolve) => {
          this.wakeParser = resolve;
        });
      }
    }
  }
}

/**
 * One object at a time from its own `cat-file --batch` (unbuffered, so each answer comes as soon
 * as it is asked for): for the few blobs a scan needs to look back at, beside a streaming reader.
 */
export class BlobLookup {
  private readonly reader: BlobReader;
  private readonly answers: AsyncGenerator<BlobAnswer>;

  constructor(place: GitPlace, maxBytes: number) {
    this.reader = new BlobReader(place, maxBytes, false);
    this.answers = this.reader.read();
  }

  /** The previous question: answers come in order, so questions are asked one after another. */
  private last: Promise<unknown> = Promise.resolve();

  get(oid: string): Promise<BlobAnswer> {
    const asked = this.last.then(async (): Promise<BlobAnswer> => {
      await this.reader.request(oid);
      const next = await this.answers.next();
      return next.done ? { oid, kind: 'unreadable', reason: 'the reader was closed' } : next.value;
    });
    this.last = asked.catch(() => undefined);
    return asked;
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}

/**
 * The blob of each item, read in order through one BlobReader while the items are still being
 * listed: `oidOf` names an item's blob (undefined skips the item). If the consumer stops early,
 * git is stopped; an error from the listing is thrown after the answers before it.
 */
export async function* readBlobs<T>(
  place: GitPlace,
  maxBytes: number,
  items: AsyncIterable<T> | Iterable<T>,
  oidOf: (item: T) => string | undefined,
): AsyncGenerator<[T, BlobAnswer]> {
  const reader = new BlobReader(place, maxBytes);
  const queue: T[] = [];
  let failure: unknown;
  const feeding = (async () => {
    try {
      for await (const item of items) {
        if (reader.closed) break;
        const oid = oidOf(item);
        if (oid === undefined) continue;
        queue.push(item);
        await reader.request(oid);
      }
    } catch (e) {
      failure = e;
    } finally {
      reader.end();
    }
  })();
  try {
    for await (const answer of reader.read()) yield [queue.shift()!, answer];
  } finally {
    // The consumer may stop early (an error downstream): no git process outlives the scan.
    void reader.close();
  }
  await feeding;
  if (failure) throw failure;
}
