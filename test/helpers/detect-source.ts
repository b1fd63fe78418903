import type { Source } from '../../src/core/source.js';
import type { Candidate } from '../../src/core/types.js';
import { detectSources } from '../../src/scan/pipeline.js';
import { ScanPool } from '../../src/scan/pool.js';

/** What the built-in rules find in one source's fragments, through the scanning pool (one thread by default). */
export async function detectFrom(source: Source, threads = 1): Promise<Candidate[]> {
  const pool = new ScanPool({ extraRules: [], only: [], maxFileBytes: 10 * 1024 * 1024 }, threads);
  try {
    return (await detectSources([source], pool)).candidates;
  } finally {
    await pool.close();
  }
}
