import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { BlobBuffers } from '../../src/sources/history/blob-buffers.js';
import { type BlobAnswer, BlobReader } from '../../src/sources/history/cat-file.js';
import { World } from './world.js';

describe('BlobBuffers: reused buffers for blobs that span several chunks', () => {
  it('gives exactly the size asked, and reuses a returned buffer for the next blob of its size class', () => {
    const pool = new BlobBuffers();
    const a = pool.take(100_000);
    expect(a.length).toBe(100_000);
    pool.give(a);
    expect(pool.heldBytes).toBe(128 * 1024);
    const b = pool.take(70_000);
    expect(b.length).toBe(70_000);
    expect(b.buffer).toBe(a.buffer);
    expect(pool.heldBytes).toBe(0);
    // Another class: a new buffer.
    const c = pool.take(200_000);
    expect(c.buffer).not.toBe(a.buffer);
  });

  it('keeps only its own buffers, each once, and no more than its limit', () => {
    const pool = new BlobBuffers(256 * 1024);
    // A buffer it did not make (a view of git's own output chunk, say) is never kept.
    pool.give(Buffer.allocUnsafeSlow(64 * 1024));
    expect(pool.heldBytes).toBe(0);
    const a = pool.take(100_000);
    pool.give(a);
    pool.give(a);
    expect(pool.heldBytes).toBe(128 * 1024);
    const big = pool.take(200_000);
    pool.give(big);
    // 128 KB + 256 KB is over the 256 KB limit: left to the collector.
    expect(pool.heldBytes).toBe(128 * 1024);
    expect(pool.take(100_000).buffer).toBe(a.buffer);
    expect(pool.take(100_000).buffer).not.toBe(a.buffer);
  });
});

describe.each([
  ['from a socket', true],
  ['from a pipe', false],
] as const)('BlobReader (%s): contents that span several of git output chunks', (_, socket) => {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  /** Files from 1 byte to 1.5 MB, distinct bytes each (a reused buffer with stale bytes would show). */
  function files(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [i, size] of [1, 70_000, 5, 300_000, 65_535, 1_500_000, 131_073, 12].entries()) {
      let s = '';
      while (s.length < size) s += `file ${i} line ${s.length}\n`;
      out[`f${i}.txt`] = s.slice(0, size);
    }
    return out;
  }

  async function readAll(release: boolean): Promise<{ expected: string[]; got: string[] }> {
    const w = new World();
    const contents = files();
    w.commit('files', contents);
    const names = Object.keys(contents);
    const oids = names.map((n) => w.git('rev-parse', `HEAD:${n}`));
    const reader = new BlobReader(w.root, 10 * 1024 * 1024, true, socket);
    // Twice over: the second round reads into buffers the first round handed back.
    await reader.requestMany([...oids, ...oids]);
    reader.end();
    const got: string[] = [];
    const held: Extract<BlobAnswer, { kind: 'blob' }>[] = [];
    for await (const a of reader.read()) {
      if (a.kind !== 'blob') throw new Error(`${a.oid}: ${a.kind}`);
      got.push(sha(a.content));
      if (release) a.release?.();
      else held.push(a);
    }
    // Held without release, every answer still has its own bytes at the end.
    if (!release) expect(held.map((a) => sha(a.content))).toEqual(got);
    const expected = names.map((n) => sha(Buffer.from(contents[n]!)));
    return { expected: [...expected, ...expected], got };
  }

  it('answers each blob byte for byte when buffers are handed back and reused', async () => {
    const { expected, got } = await readAll(true);
    expect(got).toEqual(expected);
  });

  it('answers each blob byte for byte when nothing is handed back', async () => {
    const { expected, got } = await readAll(false);
    expect(got).toEqual(expected);
  });
});
