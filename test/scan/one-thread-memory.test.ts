import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * The old generation, in MB, left to the thread that runs the audit (the main thread's part:
 * walk, pipeline, merge, report), about 20 MB of it in use; the decoded text of the file below
 * alone is 48 MB. V8's --max-old-space-size would cap the scanning threads too (it is one flag
 * for every isolate), so the audit runs on a thread of its own with this limit instead.
 */
const MAIN_HEAP_MB = 48;

/**
 * 24 MiB where every line names rule keywords (past the hits per keyword that are decoded line by
 * line: the whole text is decoded) and holds one character outside Latin-1, so that the decoded
 * text takes two bytes a character; a real token on its last line.
 */
function bigFile(token: string): Buffer {
  const line = Buffer.from('  const railway = deploy({ sk_live_: "x", ghp_: 1 }); // clé → ok\n');
  const lines = Math.floor((24 * 2 ** 20) / line.length);
  return Buffer.concat([...Array(lines).fill(line), Buffer.from(`GITHUB_TOKEN=${token}\n`)]);
}

/** The built audit of `root` with one scanning thread, run on a thread whose heap is capped. */
const AUDIT_ON_A_CAPPED_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { audit } = await import(workerData.audit);
  const { loadConfig } = await import(workerData.load);
  const r = await audit({ root: workerData.root, config: loadConfig(undefined), threads: 1, offline: true, endpoints: {} });
  parentPort.postMessage({
    paths: r.findings.flatMap((f) => f.credential.locations.map((l) => l.path)).sort(),
    notes: r.notes,
    bytes: r.stats.bytes,
  });
})();
`;

function cappedAudit(root: string): Promise<{ paths: string[]; notes: string[]; bytes: number }> {
  const built = (p: string) => pathToFileURL(resolve('build/src', p)).href;
  return new Promise((done, fail) => {
    const w = new Worker(AUDIT_ON_A_CAPPED_THREAD, {
      eval: true,
      workerData: { root, audit: built('core/audit.js'), load: built('config/load.js') },
      resourceLimits: { maxOldGenerationSizeMb: MAIN_HEAP_MB },
    });
    w.once('message', (m) => {
      done(m);
      void w.terminate();
    });
    w.once('error', fail);
  });
}

// Issue 21: peak RSS under 400 MB whatever the tree. With one thread, detection once ran on the
// main thread, whose heap has no limits: its garbage grew with the tree (413 MB over 855 MB of
// packages). One thread is now one worker under the pool's heap limits, and the main thread
// never holds a file's content.
describe('one scanning thread', () => {
  it('scans on a worker: a 24 MiB file decoded whole fits beside a main thread capped at 48 MB', async () => {
    const root = tempDir();
    try {
      const token = githubToken();
      writeFiles(root, { 'big.js': bigFile(token), 'small.env': `T=${githubToken()}\n` });
      // Detecting on the main thread ends here: "Worker terminated due to reaching memory limit".
      const r = await cappedAudit(root);
      // Nothing lost: the big file was scanned to its last line, on a thread with room for it.
      expect(r.notes).toEqual([]);
      expect(r.paths).toEqual(['big.js', 'small.env']);
      expect(r.bytes).toBeGreaterThan(24 * 2 ** 20);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
