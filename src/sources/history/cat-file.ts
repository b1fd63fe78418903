import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { type GitPlace, hugePagesEnv, spawnGitInto } from '../../git/run.js';
import { type SocketStdout, socketStdout } from '../../git/stdout-socket.js';
import { BlobBuffers } from './blob-buffers.js';
import { type GitChild, spawnGit } from './spawn.js';

/** Either process shape: stdout piped here, or written into a socket read here. */
type GitProc = ChildProcessByStdio<Writable, Readable | null, Readable>;

/** An answer being read: `left` counts the content and its trailing newline; `into` is where a content spanning several chunks is assembled (none when it is read past or lies in one). */
interface Body {
  oid: string;
  type: string;
  size: number;
  left: number;
  keep: boolean;
  into?: Buffer;
}

/** Below this a copied content comes from Node's shared buffer pool (which serves allocations under 4 KB). */
const SMALL_COPY = 4096;

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
  /** The running process; undefined while one is being started. */
  private child: GitChild<GitProc> | undefined;
  /** Settles once the process being started has been (or will never be) spawned. */
  private starting: Promise<void> = Promise.resolve();
  /** Ids sent to the current process and not answered yet, oldest first. */
  private inFlight: string[] = [];
  /** Ids taken while no process was running: sent once one is. */
  private unsent: string[] = [];
  private ended = false;
  private finished = false;
  private answers: BlobAnswer[] = [];
  private queuedBytes = 0;
  private wakeReader: (() => void) | undefined;
  private wakeParser: (() => void) | undefined;
  private restarts = 0;
  /** Set when git's answers stopped making sense: every request from then on is answered with it. */
  private broken: string | undefined;
  /** Contents that span several output chunks (or come in a reused read buffer) are kept in reused buffers. */
  private readonly buffers = new BlobBuffers();
  /** The parser's place in git's output: a header line being assembled, or an answer's content. */
  private header: Buffer | undefined;
  private body: Body | undefined;

  /**
   * @param buffered `--buffer`: fastest for a stream of requests, but git holds answers until its
   *   buffer fills or input ends; a reader asked one object at a time (BlobLookup) needs it off.
   * @param socket read git's output from a socket into one reused buffer (see stdout-socket.ts);
   *   off, or where no socket can be made, it is read as a stream from a pipe.
   */
  constructor(
    private readonly place: GitPlace,
    private readonly maxBytes: number,
    private readonly buffered = true,
    private readonly socket = true,
  ) {
    this.begin();
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
    if (!this.child) {
      this.unsent.push(...oids);
      return this.starting;
    }
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
    this.child?.proc.stdin.end();
  }

  /**
   * Stops at once (the consumer gave up, or the scan is over): the process is killed, pending
   * requests are dropped. Resolves once git has exited and been waited for: a thread that ends
   * before then leaves it behind as a zombie process until tokenscope exits.
   */
  async close(): Promise<void> {
    this.ended = true;
    this.finished = true;
    this.inFlight = [];
    this.unsent = [];
    this.child?.proc.kill();
    this.poke('reader');
    this.poke('parser');
    await this.starting;
    await this.child?.exited;
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

  /** The consumer is behind: parsing waits, so git waits. */
  private get full(): boolean {
    return this.answers.length >= MAX_QUEUED || this.queuedBytes > MAX_QUEUED_BYTES;
  }

  private async start(): Promise<void> {
    this.child = undefined;
    this.header = undefined;
    this.body = undefined;
    const args = ['cat-file', '--batch', ...(this.buffered ? ['--buffer'] : [])];
    const opts = { env: hugePagesEnv() };
    let child: GitChild<GitProc>;
    let parsed: Promise<void>;
    // Data comes only once git runs, so both are set by then.
    let out: SocketStdout | undefined;
    if (this.socket) out = await socketStdout((chunk): boolean => this.onSocketData(child, out!, chunk));
    if (this.finished) {
      out?.destroy();
      return;
    }
    if (out) {
      child = spawnGitInto(this.place, args, out.childEnd, opts);
      out.handedOver();
      parsed = out.ended;
      // Killed (closed, or stopped on nonsense): whatever git still has to say is not read.
      void child.exited.then(() => {
        if (this.finished || this.broken !== undefined) out.destroy();
      });
    } else {
      const piped = spawnGit(this.place, args, opts);
      child = piped;
      parsed = this.parseStream(piped).catch(() => {});
    }
    this.child = child;
    // A write to a process that died is reported by its exit; the pipe error itself is not news.
    child.proc.stdin.on('error', () => {});
    Promise.all([parsed, child.exited]).then(([, code]) => this.onExit(child, code));
    if (this.unsent.length > 0) child.proc.stdin.write(`${this.unsent.join('\n')}\n`);
    this.unsent = [];
    if (this.ended) child.proc.stdin.end();
  }

  private onExit(child: GitChild<GitProc>, code: number): void {
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
    this.inFlight.push(...rest);
    this.unsent.push(...rest);
    this.begin();
  }

  /** Starts a process; one that cannot be started answers every request, now and later, unreadable. */
  private begin(): void {
    this.starting = this.start().catch(() => {
      this.broken = 'git cat-file could not be started';
      for (const oid of this.inFlight.splice(0)) this.push({ oid, kind: 'unreadable', reason: this.broken });
      this.unsent = [];
      this.finished = true;
      this.poke('reader');
    });
  }

  /** Never guess where the next answer starts: stop, and say so for every pending id. */
  private stop(child: GitChild<GitProc>): void {
    this.broken = 'git cat-file gave an answer that could not be parsed';
    child.proc.kill();
  }

  /** git's output read as a stream: each chunk is a fresh buffer, so a content may be a view of it. */
  private async parseStream(child: GitChild): Promise<void> {
    for await (const chunk of child.proc.stdout as AsyncIterable<Buffer>) {
      if (!this.feed(chunk, true)) return this.stop(child);
      while (!this.finished && this.full) {
        await new Promise<void>((resolve) => {
          this.wakeParser = resolve;
        });
      }
    }
  }

  /** git's output read from a socket into one reused buffer: every content kept is copied out. */
  private onSocketData(child: GitChild<GitProc>, out: SocketStdout, chunk: Buffer): boolean {
    if (this.finished || this.broken !== undefined) return true;
    if (!this.feed(chunk, false)) {
      this.stop(child);
      return true;
    }
    if (!this.full) return true;
    this.wakeParser = () => out.resume();
    return false;
  }

  /**
   * The byte-stream parser: a header line `<oid> <type> <size>`, then `size` bytes and a newline.
   * `fresh`: the chunk is never written again, so a content lying whole in it is kept as a view.
   * False when the output does not parse.
   */
  private feed(chunk: Buffer, fresh: boolean): boolean {
    let buf = chunk;
    while (buf.length > 0) {
      const body = this.body;
      if (body) {
        const take = Math.min(body.left, buf.length);
        const { oid, type, size, keep } = body;
        const filled = size + 1 - body.left;
        if (keep && !body.into && take === body.left) {
          // The whole content in this chunk (most blobs).
          this.body = undefined;
          this.inFlight.shift();
          this.push(this.wholeBlob(oid, buf.subarray(0, size), fresh));
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
        this.body = undefined;
        this.inFlight.shift();
        if (type !== 'blob') this.push({ oid, kind: 'not-a-blob', reason: `a ${type}, not a blob` });
        else if (into) this.push(this.reusable(oid, into));
        else this.push({ oid, kind: 'oversize', size });
        continue;
      }
      const nl = buf.indexOf(10);
      if (nl < 0) {
        this.header = this.header ? Buffer.concat([this.header, buf]) : Buffer.from(buf);
        return this.header.length <= MAX_HEADER;
      }
      const lineBuf = this.header ? Buffer.concat([this.header, buf.subarray(0, nl)]) : buf.subarray(0, nl);
      this.header = undefined;
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
      if (!m || m[1] !== expected) return false;
      const type = m[2]!;
      const size = Number(m[3]);
      this.body = { oid: m[1]!, type, size, left: size + 1, keep: type === 'blob' && size <= this.maxBytes };
    }
    return true;
  }

  /** A content that lies whole in one chunk: a view of a fresh chunk, else a copy. */
  private wholeBlob(oid: string, bytes: Buffer, fresh: boolean): BlobAnswer {
    const size = bytes.length;
    if (fresh) return { oid, kind: 'blob', size, content: bytes };
    // Small copies come from Node's shared pool; larger ones from buffers handed back for reuse.
    if (size < SMALL_COPY) return { oid, kind: 'blob', size, content: Buffer.from(bytes) };
    const into = this.buffers.take(size);
    bytes.copy(into);
    return this.reusable(oid, into);
  }

  /** A content in one of this reader's buffers, handed back for reuse once it is scanned. */
  private reusable(oid: string, into: Buffer): BlobAnswer {
    return { oid, kind: 'blob', size: into.length, content: into, release: () => this.buffers.give(into) };
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
