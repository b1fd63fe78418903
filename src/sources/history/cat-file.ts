import { type GitChild, spawnGit } from './spawn.js';

/** One answer of `git cat-file --batch`, in request order. */
export type BlobAnswer =
  | { oid: string; kind: 'blob'; size: number; content: Buffer }
  /** Larger than the cap: its bytes were read past, never held. */
  | { oid: string; kind: 'oversize'; size: number }
  | { oid: string; kind: 'missing' | 'not-a-blob' | 'unreadable'; reason: string };

/** Answers parsed but not yet taken; beyond this the parser stops reading and git waits. */
const MAX_QUEUED = 64;

/**
 * One long-lived `git cat-file --batch` process: blob ids go in (request), contents come out
 * (read) in the same order, parsed from the byte stream as it arrives. Contents above `maxBytes`
 * are read past without being held. Every stage waits for the next one (pipes and a bounded
 * queue), so memory stays flat whatever the repository's size. If git dies on a broken object,
 * that object is answered `unreadable` and a fresh process takes the rest of the queue.
 */
export class BlobReader {
  private child!: GitChild;
  /** Ids sent to the current process and not answered yet, oldest first. */
  private inFlight: string[] = [];
  private ended = false;
  private finished = false;
  private answers: BlobAnswer[] = [];
  private wakeReader: (() => void) | undefined;
  private wakeParser: (() => void) | undefined;
  private restarts = 0;

  constructor(
    private readonly cwd: string,
    private readonly maxBytes: number,
  ) {
    this.start();
  }

  /** Sends one id; resolves when git's input pipe can take more. */
  async request(oid: string): Promise<void> {
    this.inFlight.push(oid);
    const stdin = this.child.proc.stdin;
    if (stdin.write(`${oid}\n`)) return;
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

  /** Stops at once (the consumer gave up): the process is killed, pending requests are dropped. */
  close(): void {
    this.ended = true;
    this.finished = true;
    this.inFlight = [];
    this.child.proc.kill();
    this.poke('reader');
    this.poke('parser');
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
    this.poke('reader');
  }

  private start(): void {
    const child = spawnGit(this.cwd, ['cat-file', '--batch', '--buffer']);
    this.child = child;
    // A write to a process that died is reported by its exit; the pipe error itself is not news.
    child.proc.stdin.on('error', () => {});
    const parsed = this.parse(child).catch(() => {});
    Promise.all([parsed, child.exited]).then(([, code]) => this.onExit(child, code));
  }

  private onExit(child: GitChild, code: number): void {
    if (child !== this.child || this.finished) return;
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

  /** The byte-stream parser: a header line `<oid> <type> <size>`, then `size` bytes and a newline. */
  private async parse(child: GitChild): Promise<void> {
    let header: Buffer | undefined;
    let body: { oid: string; type: string; size: number; left: number; parts: Buffer[] | undefined } | undefined;
    for await (const chunk of child.proc.stdout as AsyncIterable<Buffer>) {
      let buf: Buffer = chunk;
      while (buf.length > 0) {
        if (body) {
          // `left` counts the content and its trailing newline.
          const take = Math.min(body.left, buf.length);
          body.parts?.push(buf.subarray(0, take));
          body.left -= take;
          buf = buf.subarray(take);
          if (body.left === 0) {
            const { oid, type, size, parts } = body;
            body = undefined;
            this.inFlight.shift();
            if (type !== 'blob') this.push({ oid, kind: 'not-a-blob', reason: `a ${type}, not a blob` });
            else if (parts) this.push({ oid, kind: 'blob', size, content: Buffer.concat(parts).subarray(0, size) });
            else this.push({ oid, kind: 'oversize', size });
          }
          continue;
        }
        const nl = buf.indexOf(10);
        if (nl < 0) {
          header = header ? Buffer.concat([header, buf]) : Buffer.from(buf);
          break;
        }
        const lineBuf = header ? Buffer.concat([header, buf.subarray(0, nl)]) : buf.subarray(0, nl);
        header = undefined;
        buf = buf.subarray(nl + 1);
        const [oid = '', type = '', sizeText = ''] = lineBuf.toString('latin1').split(' ');
        if (type === 'missing' || type === 'ambiguous') {
          this.inFlight.shift();
          this.push({
            oid,
            kind: 'missing',
            reason: type === 'missing' ? 'missing or corrupt object' : 'ambiguous object name',
          });
          continue;
        }
        const size = Number(sizeText);
        const keep = type === 'blob' && size <= this.maxBytes;
        body = { oid, type, size, left: size + 1, parts: keep ? [] : undefined };
      }
      // Backpressure: while the consumer is behind, stop reading, so git stops writing.
      while (this.answers.length >= MAX_QUEUED) {
        await new Promise<void>((resolve) => {
          this.wakeParser = resolve;
        });
      }
    }
  }
}
