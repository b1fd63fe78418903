import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { ScratchBuffer, readForScan } from '../../src/sources/read.js';
import { githubToken } from '../helpers/tokens.js';

describe('one read buffer per scanning thread', () => {
  it('gives each file exactly its own bytes, and what was found in one survives the next read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenscope-scratch-'));
    const t = githubToken();
    writeFileSync(join(dir, 'big.env'), `${'#'.repeat(100_000)}\nGITHUB_TOKEN=${t}\n`);
    writeFileSync(join(dir, 'small.txt'), 'short\n');
    const detector = new Detector(loadRules(PROVIDERS, [], 'config'), PROVIDERS);
    const scratch = new ScratchBuffer();
    const big = readForScan(join(dir, 'big.env'), 1 << 20, scratch);
    if (!('bytes' in big)) throw new Error('big.env unread');
    const found = detector.scanBytes(big.bytes, { path: 'big.env', source: 'tracked' });
    const small = readForScan(join(dir, 'small.txt'), 1 << 20, scratch);
    if (!('bytes' in small)) throw new Error('small.txt unread');
    // Exactly the small file: no tail of the big one behind it.
    expect(small.bytes.toString()).toBe('short\n');
    // The buffer was reused (the same memory), and the candidate found before is intact.
    expect(small.bytes.buffer).toBe(big.bytes.buffer);
    expect(found.map((c) => c.secret.reveal())).toEqual([t]);
  });

  it('gives a file above its limit bytes of its own (the next read leaves them be)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenscope-scratch-'));
    writeFileSync(join(dir, 'a'), 'x'.repeat(2048));
    writeFileSync(join(dir, 'b'), 'y'.repeat(100));
    const scratch = new ScratchBuffer(1024);
    const a = readForScan(join(dir, 'a'), 1 << 20, scratch);
    const b = readForScan(join(dir, 'b'), 1 << 20, scratch);
    if (!('bytes' in a) || !('bytes' in b)) throw new Error('unread');
    expect(b.bytes.toString()).toBe('y'.repeat(100));
    expect(a.bytes.toString()).toBe('x'.repeat(2048));
  });
});
