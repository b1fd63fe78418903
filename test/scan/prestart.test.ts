import { describe, expect, it } from '@jest/globals';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/config/defaults.js';
import { ScanPool } from '../../src/scan/pool.js';
import { heapLimits, prestartScanThreads, takePrestarted } from '../../src/scan/prestart.js';
import { runCommand } from '../cli/command.js';
import { awsKeyId, githubToken } from '../helpers/tokens.js';

const acmeRule = {
  id: 'acme-key',
  provider: 'acme',
  kind: 'key',
  description: 'a custom rule, which only the options sent to a prestarted thread carry',
  confidence: 'high' as const,
  keywords: ['acmekey_'],
  regex: '(?<secret>acmekey_[a-z0-9]{20})',
  examples: { truePositives: ['acmekey_q9w8e7r6t5y4u3i2o1p0'], falsePositives: [] },
};

/** The threads a pool runs (private: what the test checks is which threads it took). */
const threadsOf = (pool: ScanPool) =>
  (pool as unknown as { lanes: Array<{ worker: Worker }> }).lanes.map((l) => l.worker);

describe('scanning threads started ahead of the run', () => {
  it('are taken by the first pool and scan with its options (a custom rule, --only), not their defaults', async () => {
    prestartScanThreads(2);
    const pool = new ScanPool(
      { extraRules: [acmeRule], only: ['acme', 'github'], maxFileBytes: DEFAULT_MAX_FILE_SIZE },
      2,
    );
    try {
      const gh = githubToken();
      const text = `A=acmekey_k3j4h5g6f7d8s9a0q1w2\nT=${gh}\nAWS_ACCESS_KEY_ID=${awsKeyId()}\n`;
      // One job per thread (least busy first): both prestarted threads scan.
      const outs = await Promise.all(
        [0, 1].map((lane) =>
          pool.scan([{ meta: { path: `${lane}.env`, source: 'tracked' }, content: { text } }], lane),
        ),
      );
      for (const out of outs)
        expect(out[0]!.found.map((c) => c.ruleId).sort()).toEqual(['acme-key', 'github-pat-classic']);
      // Both were taken: none is left for another pool.
      expect(threadsOf(pool)).toHaveLength(2);
      expect(takePrestarted(heapLimits(DEFAULT_MAX_FILE_SIZE))).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('are not taken by a pool whose file size cap needs a larger heap: it starts its own', async () => {
    prestartScanThreads(1);
    const big = 100 * 1024 * 1024;
    const pool = new ScanPool({ extraRules: [], only: [], maxFileBytes: big }, 1);
    try {
      const t = githubToken();
      const out = await pool.scan([{ meta: { path: 'a.env', source: 'tracked' }, content: { text: `T=${t}\n` } }]);
      expect(out[0]!.found.map((c) => c.secret)).toEqual([t]);
      expect(threadsOf(pool).map((w) => w.resourceLimits?.maxOldGenerationSizeMb)).toEqual([
        heapLimits(big).maxOldGenerationSizeMb,
      ]);
      // The one that did not fit was ended, not left running.
      expect(takePrestarted(heapLimits(DEFAULT_MAX_FILE_SIZE))).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('do not keep an audit that scans nothing alive: a usage error and --help exit at once', async () => {
    const bad = await runCommand(['audit', '--bogus-flag']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/bogus-flag/)]);
    expect(bad.ms).toBeLessThan(5000);
    const help = await runCommand(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.ms).toBeLessThan(5000);
  });
});
