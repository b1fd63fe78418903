import { describe, expect, it } from '@jest/globals';
import type { Source, SourceFragment } from '../../src/core/source.js';
import { detectSources } from '../../src/scan/pipeline.js';
import { ScanPool } from '../../src/scan/pool.js';
import { githubToken } from '../helpers/tokens.js';

const options = { extraRules: [], only: [], maxFileBytes: 1024 * 1024 };

/** A source of `n` fragments, each holding its own token; counts how many were drawn. */
function tokens(n: number, tokensOut: string[], extra: Partial<SourceFragment> = {}) {
  const state = { drawn: 0 };
  const source: Source = {
    async *fragments() {
      for (let i = 0; i < n; i++) {
        const t = githubToken();
        tokensOut.push(t);
        state.drawn++;
        yield { meta: { path: `f${i}.env`, source: 'history' }, content: { bytes: Buffer.from(`T=${t}\n`) }, ...extra };
      }
    },
  };
  return { source, state };
}

describe('every source through one pool', () => {
  it("keeps the sources' order, whatever thread answers first (two threads)", async () => {
    const order: string[] = [];
    const a = tokens(150, order);
    const b = tokens(70, order);
    const pool = new ScanPool(options, 2);
    try {
      const r = await detectSources([a.source, b.source], pool);
      expect(r.candidates.map((c) => c.secret.reveal())).toEqual(order);
      expect(r.tallies.map((t) => t.fragments)).toEqual([150, 70]);
    } finally {
      await pool.close();
    }
  });

  it('draws from a source only a few jobs ahead of the threads (history streams, it is never held whole)', async () => {
    const out: string[] = [];
    let settled = 0;
    let maxAhead = 0;
    const { source, state } = tokens(600, out, {
      settle: async (o) => {
        settled++;
        maxAhead = Math.max(maxAhead, state.drawn - settled);
        return o.found;
      },
    });
    const pool = new ScanPool(options, 2);
    try {
      const r = await detectSources([source], pool);
      expect(r.candidates).toHaveLength(600);
      // Two threads, two jobs each, 32 fragments a job, plus the batch being filled.
      expect(maxAhead).toBeLessThanOrEqual(pool.capacity * pool.batchSize + pool.batchSize);
      expect(maxAhead).toBeLessThan(600);
    } finally {
      await pool.close();
    }
  });

  it('a fragment whose settling fails costs that fragment only, with a note', async () => {
    const out: string[] = [];
    let n = 0;
    const { source } = tokens(5, out, {
      settle: (o) => {
        if (++n === 3) throw new Error('the source could not settle this one');
        return o.found;
      },
    });
    const pool = new ScanPool(options, 1);
    try {
      const r = await detectSources([source], pool);
      expect(r.candidates).toHaveLength(4);
      expect(r.notes).toEqual([
        expect.stringMatching(/^could not scan f\d\.env: the source could not settle this one$/),
      ]);
    } finally {
      await pool.close();
    }
  });

  it('decodes raw bytes on the scanning thread: UTF-16 with a byte-order mark is text, binary is counted', async () => {
    const t = githubToken();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`T=${t}\n`, 'utf16le')]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(`T=${githubToken()}\n`)]);
    const source: Source = {
      async *fragments() {
        yield { meta: { path: 'a.txt', source: 'tracked' }, content: { bytes: utf16 } };
        yield { meta: { path: 'b.png', source: 'tracked' }, content: { bytes: png } };
      },
    };
    const pool = new ScanPool(options, 2);
    try {
      const r = await detectSources([source], pool);
      expect(r.candidates.map((c) => [c.location.path, c.secret.reveal()])).toEqual([['a.txt', t]]);
      expect(r.tallies[0]).toMatchObject({ fragments: 2, binary: 1, skipped: 1 });
      expect(r.notes).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});

describe('a scanning thread past the backstop', () => {
  it('is ended, and what it held is scanned again with the built-in rules: a runaway config rule hides nothing', async () => {
    const slow = {
      id: 'slow-rule',
      provider: 'acme',
      kind: 'key',
      description: 'catastrophic on purpose',
      confidence: 'context' as const,
      keywords: ['acme'],
      regex: 'acme(?<secret>(a+)+)$',
      examples: { truePositives: ['acmeaaaa'], falsePositives: [] },
    };
    const gh = githubToken();
    const source: Source = {
      async *fragments() {
        // No per-rule guard in the thread (no ruleBudgetMs): only the backstop can stop this one.
        yield {
          meta: { path: 'hostile.txt', source: 'tracked' },
          content: { text: `acme${'a'.repeat(40)}!\nT=${gh}\n` },
        };
        yield { meta: { path: 'fine.env', source: 'tracked' }, content: { text: `T=${githubToken()}\n` } };
      },
    };
    const pool = new ScanPool({ extraRules: [slow], only: [], maxFileBytes: 1 << 20 }, 1, 100);
    const started = Date.now();
    try {
      const r = await detectSources([source], pool);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.candidates.map((c) => [c.location.path, c.provider])).toEqual([
        ['hostile.txt', 'github'],
        ['fine.env', 'github'],
      ]);
      expect(r.candidates[0]!.secret.reveal()).toBe(gh);
      expect(r.notes).toEqual([
        'custom rules stopped on hostile.txt: its scan took longer than 2500 ms; only the built-in rules ran there',
      ]);
    } finally {
      await pool.close();
    }
  });

  it('ends with the error of a job the pool could not run, whether the source is waiting for room or drawn out', async () => {
    const failing = (failAt: number) => {
      let calls = 0;
      const wire = (fragments: unknown[]) => fragments.map(() => ({ found: [], bytes: 1 }));
      return {
        capacity: 2,
        batchSize: 4,
        threadCount: 1,
        scan: async (fragments: unknown[]) => {
          await new Promise((r) => setTimeout(r, 2));
          if (++calls === failAt) throw new Error('the thread could not take the job');
          return wire(fragments);
        },
      } as unknown as ScanPool;
    };
    for (const [n, failAt] of [
      [200, 3], // mid-stream: the source is held back while the pool is full
      [8, 2], // the last job: every fragment is drawn, the run is draining
    ] as const) {
      const { source } = tokens(n, []);
      let closed = false;
      source.close = async () => {
        closed = true;
      };
      await expect(detectSources([source], failing(failAt))).rejects.toThrow('the thread could not take the job');
      expect(closed).toBe(true);
    }
  });
});
