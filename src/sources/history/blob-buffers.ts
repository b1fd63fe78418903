/** The smallest buffer kept: a blob smaller than one of git's output chunks rarely spans two. */
const MIN_CLASS = 64 * 1024;

/** Buffers are kept in power-of-two sizes, so one freed by a blob fits the next blob of its class. */
const classOf = (size: number): number => {
  let c = MIN_CLASS;
  while (c < size) c *= 2;
  return c;
};

/**
 * Buffers for blob contents that arrive over several of git's output chunks, handed back once
 * the blob is scanned and reused for the next one. A fresh buffer per such blob was the largest
 * copy cost of a history scan (about 0.2 CPU-s per scanning thread on a 250 MB history): its
 * pages were new each time, and its freeing drove the thread's garbage collections. At most
 * `maxHeld` bytes wait here for reuse; beyond that a returned buffer is left to the collector.
 */
export class BlobBuffers {
  private readonly free = new Map<number, ArrayBuffer[]>();
  /** Only buffers made here are ever kept: a view of git's own chunk may still be in use elsewhere. */
  private readonly mine = new WeakSet<ArrayBuffer>();
  private held = 0;

  constructor(private readonly maxHeld = 16 * 1024 * 1024) {}

  /** A buffer of exactly `size` bytes (uninitialised: the caller fills every byte). */
  take(size: number): Buffer {
    const cls = classOf(size);
    let kept = this.free.get(cls)?.pop();
    if (kept) this.held -= cls;
    else {
      kept = Buffer.allocUnsafeSlow(cls).buffer as ArrayBuffer;
      this.mine.add(kept);
    }
    return Buffer.from(kept, 0, size);
  }

  /** Hands back a buffer from `take` whose contents nothing uses any more; anything else is ignored. */
  give(b: Buffer): void {
    const ab = b.buffer as ArrayBuffer;
    const cls = ab.byteLength;
    if (!this.mine.has(ab) || this.held + cls > this.maxHeld) return;
    const list = this.free.get(cls);
    if (list?.includes(ab)) return;
    if (list) list.push(ab);
    else this.free.set(cls, [ab]);
    this.held += cls;
  }

  /** Bytes waiting for reuse (for tests). */
  get heldBytes(): number {
    return this.held;
  }
}
