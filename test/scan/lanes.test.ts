import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type { PlainFragment, ScanOutcome, Source, SourceFragment } from '../../src/core/source.js';
import { detectSources } from '../../src/scan/pipeline.js';
import { ScanPool } from '../../src/scan/pool.js';

/** Threads that say who they are instead of scanning (fixtures/which-thread.mjs). */
const WHO = fileURLToPath(new URL('./fixtures/which-thread.mjs', import.meta.url));
const options = { extraRules: [], only: [], maxFileBytes: 1 << 20 };
const blob = (i: number): PlainFragment => ({
  meta: { path: `f${i}.txt`, source: 'history' },
  content: { blob: i.toString(16).padStart(40, '0'), repo: '/nowhere' },
});

describe('jobs given to one thread stay with it', () => {
  it('a lane names one thread (modulo the threads running); jobs without one go to any thread', async () => {
    const pool = new ScanPool(options, 2, undefined, WHO);
    try {
      const who = async (lane?: number) => (await pool.scan([blob(1)], lane))[0]!.bytes;
      const [a, b, c, a2] = await Promise.all([who(0), who(1), who(2), who(4)]);
      expect(a).not.toBe(b);
      expect(c).toBe(a);
      expect(a2).toBe(a);
      const any = await Promise.all([who(), who(), who(), who()]);
      expect(any.every((t) => t === a || t === b)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("a history's blobs go to the threads in runs of 512, so each thread's git reader keeps its cache", async () => {
    const seen: number[] = [];
    const source: Source = {
      async *fragments(): AsyncGenerator<SourceFragment> {
        for (let i = 0; i < 2048; i++) {
          const at = i;
          yield {
            ...blob(i),
            settle: (o: ScanOutcome) => {
              seen[at] = o.bytes;
              return [];
            },
          };
        }
      },
    };
    const pool = new ScanPool(options, 2, undefined, WHO);
    try {
      await detectSources([source], pool);
    } finally {
      await pool.close();
    }
    expect(seen).toHaveLength(2048);
    // Four runs of 512 consecutive blobs, each scanned by one thread, the threads taking turns.
    const runs = [0, 1, 2, 3].map((r) => new Set(seen.slice(r * 512, (r + 1) * 512)));
    expect(runs.map((r) => r.size)).toEqual([1, 1, 1, 1]);
    const [t0, t1, t2, t3] = runs.map((r) => [...r][0]);
    expect(t0).not.toBe(t1);
    expect([t2, t3]).toEqual([t0, t1]);
  });
});
