import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type { PlainFragment, ScanOutcome, Source, SourceFragment } from '../../src/core/source.js';
import { detectSources } from '../../src/scan/pipeline.js';
import { ScanPool } from '../../src/scan/pool.js';

/** Threads that say who they are instead of scanning (fixtures/which-thread.mjs). */
const WHO = fileURLToPath(new URL('./fixtures/which-thread.mjs', import.meta.url));
const options = { extraRules: [], only: [], maxFileBytes: 1 << 20 };
const blob = (i: number, slowMs?: number): PlainFragment => ({
  meta: { path: `${slowMs === undefined ? '' : `slow-${slowMs}/`}f${i}.txt`, source: 'history' },
  content: { blob: i.toString(16).padStart(40, '0'), repo: '/nowhere' },
});

describe('jobs given to one thread stay with it while every thread is busy', () => {
  it('a lane names one thread (modulo the threads running); jobs without one go to any thread', async () => {
    const pool = new ScanPool(options, 2, undefined, WHO);
    try {
      const who = async (lane?: number) => (await pool.scan([blob(1)], lane))[0]!.bytes;
      // Two jobs each thread holds at once: all four are handed out together, none waits.
      const [a, b, c, d] = await Promise.all([who(0), who(1), who(2), who(5)]);
      expect(a).not.toBe(b);
      expect(c).toBe(a);
      expect(d).toBe(b);
      const any = await Promise.all([who(), who(), who(), who()]);
      expect(any.every((t) => t === a || t === b)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('a thread with nothing in hand takes the last job waiting for a busy one', async () => {
    const pool = new ScanPool(options, 2, undefined, WHO);
    try {
      const who = async (lane: number, i: number, ms?: number) => (await pool.scan([blob(i, ms)], lane))[0]!.bytes;
      // A quick job for the second thread, then six slow ones for the first (it holds two at a
      // time): four wait, the second thread being busy while they are handed out.
      const quickly = who(1, 7);
      const slow = [1, 2, 3, 4, 5, 6].map((i) => who(0, i, 300));
      const quick = await quickly;
      const threads = await Promise.all(slow);
      const first = threads[0]!;
      expect(quick).not.toBe(first);
      expect(threads.slice(0, 2)).toEqual([first, first]);
      // Its quick job done, the second thread took the last job waiting, not the next in line.
      expect(threads[5]).toBe(quick);
      expect(threads[2]).toBe(first);
    } finally {
      await pool.close();
    }
  });

  it("a history's blobs go to the threads in runs of 512, so each thread's git reader keeps its cache", async () => {
    const seen: number[] = [];
    const source: Source = {
      async *fragments(): AsyncGenerator<SourceFragment> {
        // Each job (32 blobs) keeps its thread busy for a few ms, as scanning would.
        for (let i = 0; i < 2048; i++) {
          const at = i;
          yield {
            ...blob(i, 3),
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
    // Jobs are 32 blobs, one thread each; runs of 16 jobs go to one thread, the threads taking
    // turns, except where a thread with nothing in hand took another's last waiting job (as the
    // first run starts, and as the last ends). Job after job alternating would switch 63 times.
    const jobs = Array.from({ length: 64 }, (_, j) => new Set(seen.slice(j * 32, (j + 1) * 32)));
    expect(jobs.every((j) => j.size === 1)).toBe(true);
    const byJob = jobs.map((j) => [...j][0]);
    const switches = byJob.filter((t, j) => j > 0 && t !== byJob[j - 1]).length;
    expect(switches).toBeGreaterThanOrEqual(3);
    expect(switches).toBeLessThan(20);
    // Both threads did a fair share.
    const share = byJob.filter((t) => t === byJob[0]).length / 64;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });

  it('says when every fragment is drawn (onDrawn), once, while the threads still hold jobs', async () => {
    const events: string[] = [];
    const source: Source = {
      async *fragments(): AsyncGenerator<SourceFragment> {
        for (let i = 0; i < 3; i++) {
          events.push(`drawn ${i}`);
          yield {
            ...blob(i, i === 2 ? 300 : undefined),
            settle: () => {
              events.push(`settled ${i}`);
              return [];
            },
          };
        }
      },
    };
    const pool = new ScanPool(options, 2, undefined, WHO);
    try {
      await detectSources([source], pool, undefined, () => events.push('all drawn'));
    } finally {
      await pool.close();
    }
    expect(events.filter((e) => e === 'all drawn')).toHaveLength(1);
    expect(events.indexOf('all drawn')).toBeGreaterThan(events.indexOf('drawn 2'));
    // The slow job was still being scanned.
    expect(events.indexOf('all drawn')).toBeLessThan(events.indexOf('settled 2'));
  });
});
