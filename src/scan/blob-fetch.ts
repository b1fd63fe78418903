import type { GitPlace } from '../git/run.js';
import type { PlainFragment } from '../core/source.js';
import { type BlobAnswer, BlobReader, OBJECT_ID } from '../sources/history/cat-file.js';
import type { WireOutcome } from './wire.js';

/** One repository's reader, and its answers in the order asked. */
interface Conversation {
  reader: BlobReader;
  answers: AsyncGenerator<BlobAnswer>;
}

const keyOf = (place: GitPlace) => (typeof place === 'string' ? `dir:${place}` : `git:${place.gitDir}`);

/**
 * Reads the git blobs of the fragments a scanning thread is given (`{ blob, repo }` content),
 * through one long-lived `git cat-file --batch` per repository and thread: the bytes go from git
 * to the thread that scans them, never through the main thread, and both threads' readers
 * decompress in parallel. Each blob is scanned as it arrives and dropped, so a thread holds no
 * more than the reader's bounded queue.
 */
export class BlobFetcher {
  private readonly conversations = new Map<string, Conversation>();
  /** Batches take their turns: answers come in the order asked, per repository. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly maxBytes: number) {}

  /** Scans each fragment with `scan`, reading blob contents first; outcomes in the order given. */
  scanAll(fragments: PlainFragment[], scan: (f: PlainFragment) => WireOutcome): Promise<WireOutcome[]> {
    if (!fragments.some((f) => 'blob' in f.content)) return Promise.resolve(fragments.map(scan));
    // Asked for now, in arrival order (the order the turns take), so git reads this batch while
    // the one before is still being scanned, instead of waiting for its turn.
    this.ask(fragments);
    const done = this.turn.then(() => this.inTurn(fragments, scan));
    this.turn = done.catch(() => undefined);
    return done;
  }

  /** Every id of a batch in one write per repository (a few dozen lines: the pipe takes them without waiting). */
  private ask(fragments: PlainFragment[]): void {
    const asked = new Map<Conversation, string[]>();
    for (const f of fragments) {
      if (!('blob' in f.content) || !OBJECT_ID.test(f.content.blob)) continue;
      const c = this.conversation(f.content.repo);
      const ids = asked.get(c);
      if (ids) ids.push(f.content.blob);
      else asked.set(c, [f.content.blob]);
    }
    for (const [c, ids] of asked) void c.reader.requestMany(ids).catch(() => undefined);
  }

  private async inTurn(fragments: PlainFragment[], scan: (f: PlainFragment) => WireOutcome): Promise<WireOutcome[]> {
    const out: WireOutcome[] = [];
    for (const f of fragments) {
      const c = f.content;
      if (!('blob' in c)) {
        out.push(scan(f));
        continue;
      }
      if (!OBJECT_ID.test(c.blob)) {
        out.push({ found: [], bytes: 0, skipped: 'not an object id', unread: 'unreadable' });
        continue;
      }
      const next = await this.conversation(c.repo).answers.next();
      const answer: BlobAnswer = next.done
        ? { oid: c.blob, kind: 'unreadable', reason: 'the reader was closed' }
        : next.value;
      if (answer.kind === 'blob') {
        // Scanned at once, and nothing found keeps a view of the bytes: the buffer may be reused.
        out.push(scan({ meta: f.meta, content: { bytes: answer.content } }));
        answer.release?.();
      } else if (answer.kind === 'oversize')
        out.push({
          found: [],
          bytes: 0,
          skipped: `larger than the size cap (${answer.size} > ${this.maxBytes} bytes)`,
          unread: 'oversize',
        });
      else out.push({ found: [], bytes: 0, skipped: answer.reason, unread: 'unreadable' });
    }
    return out;
  }

  private conversation(place: GitPlace): Conversation {
    const key = keyOf(place);
    let c = this.conversations.get(key);
    if (!c) {
      // Unbuffered: each answer comes as soon as it is asked for, so a batch's last blob never
      // waits in git's buffer for the next batch's questions.
      const reader = new BlobReader(place, this.maxBytes, false);
      c = { reader, answers: reader.read() };
      this.conversations.set(key, c);
    }
    return c;
  }

  /** Stops every git reader; resolves once each git process has exited and been waited for. */
  async close(): Promise<void> {
    const readers = [...this.conversations.values()].map((c) => c.reader);
    this.conversations.clear();
    await Promise.all(readers.map((r) => r.close()));
  }
}
