import { describe, expect, it } from '@jest/globals';
import { ReadAhead } from '../../src/sources/history/read-ahead.js';
import { until } from '../helpers/until.js';

/** A producer of `n` numbers that counts how many it made and whether it was stopped. */
function counting(n: number, failAt?: number) {
  const state = { made: 0, finished: false };
  async function* gen(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < n; i++) {
        if (i === failAt) throw new Error(`broke at ${i}`);
        state.made++;
        yield i;
        // A real walk waits on git's pipe now and then.
        if (i % 7 === 0) await new Promise((r) => setImmediate(r));
      }
    } finally {
      state.finished = true;
    }
  }
  return { gen: gen(), state };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('ReadAhead: the history walk read ahead of the scan', () => {
  it('works before anyone asks, up to its bound, and hands everything on in order', async () => {
    const { gen, state } = counting(10_000);
    const ahead = new ReadAhead(gen, 100);
    // Read ahead with no consumer at all...
    await until(() => state.made >= 100);
    expect(state.made).toBeGreaterThanOrEqual(100);
    // ...and stopped at the bound (plus the item in hand), however long it is left alone.
    for (let i = 0; i < 5; i++) await settle();
    expect(state.made).toBeLessThanOrEqual(101);
    const all = await drain(ahead.items());
    expect(all).toHaveLength(10_000);
    expect(all.every((x, i) => x === i)).toBe(true);
    expect(state.finished).toBe(true);
  });

  it('never holds more than its bound while the consumer is slow', async () => {
    const { gen, state } = counting(2_000);
    const ahead = new ReadAhead(gen, 50);
    let taken = 0;
    let most = 0;
    for await (const _ of ahead.items()) {
      taken++;
      if (taken % 100 === 0) await settle();
      most = Math.max(most, state.made - taken);
    }
    expect(taken).toBe(2_000);
    expect(most).toBeLessThanOrEqual(51);
  });

  it("gives the producer's error after the items it made", async () => {
    const { gen } = counting(500, 300);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const x of new ReadAhead(gen, 64).items()) seen.push(x);
      })(),
    ).rejects.toThrow('broke at 300');
    expect(seen).toHaveLength(300);
  });

  it('stops the producer when closed before being read (the run failed earlier)', async () => {
    const { gen, state } = counting(1_000_000);
    const ahead = new ReadAhead(gen, 100);
    await settle();
    await ahead.close();
    expect(state.finished).toBe(true);
    expect(state.made).toBeLessThan(200);
  });

  it('stops the producer when the consumer leaves early', async () => {
    const { gen, state } = counting(1_000_000);
    const ahead = new ReadAhead(gen, 100);
    for await (const x of ahead.items()) if (x === 10) break;
    expect(state.finished).toBe(true);
  });
});
