import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlainFragment } from '../../src/core/source.js';
import { BlobFetcher } from '../../src/scan/blob-fetch.js';
import { gitBlobId } from '../../src/scan/scan-fragment.js';
import type { WireOutcome } from '../../src/scan/wire.js';
import { githubToken } from '../helpers/tokens.js';
import { cli } from '../helpers/cli.js';
import { auditJson, findingFor, type R, World } from '../history/world.js';

const meta = (path: string) => ({ path, source: 'history' as const });
/** A stand-in scanner that says what bytes it was given. */
const echo = (f: PlainFragment): WireOutcome => ({
  found: [],
  bytes: 'bytes' in f.content ? f.content.bytes.length : 'text' in f.content ? f.content.text.length : -1,
  ...('bytes' in f.content ? { notes: [Buffer.from(f.content.bytes).toString()] } : {}),
});

describe('BlobFetcher: the scanning thread reads git blobs itself', () => {
  it('gives each blob fragment its bytes, in order, between fragments of other kinds; oversize and missing blobs are unread with the reason', async () => {
    const w = new World();
    w.commit('files', { 'a.txt': 'alpha\n', 'b.txt': 'bravo\n', 'big.txt': `${'y'.repeat(100)}\n` });
    const [a, b, big] = ['a.txt', 'b.txt', 'big.txt'].map((p) => w.git('rev-parse', `HEAD:${p}`));
    const absent = '0123456789abcdef0123456789abcdef01234567';
    const fetcher = new BlobFetcher(50);
    try {
      const out = await fetcher.scanAll(
        [
          { meta: meta('b.txt'), content: { blob: b!, repo: w.root } },
          { meta: meta('inline'), content: { text: 'twelve chars' } },
          { meta: meta('big.txt'), content: { blob: big!, repo: w.root } },
          { meta: meta('gone'), content: { blob: absent, repo: w.root } },
          { meta: meta('a.txt'), content: { blob: a!, repo: w.root } },
          { meta: meta('odd'), content: { blob: 'HEAD:a.txt', repo: w.root } },
        ],
        echo,
      );
      expect(out).toEqual([
        { found: [], bytes: 6, notes: ['bravo\n'] },
        { found: [], bytes: 12 },
        { found: [], bytes: 0, skipped: 'larger than the size cap (101 > 50 bytes)', unread: 'oversize' },
        { found: [], bytes: 0, skipped: 'missing or corrupt object', unread: 'unreadable' },
        { found: [], bytes: 6, notes: ['alpha\n'] },
        // Only object ids ever reach git: a revision expression is refused, not asked.
        { found: [], bytes: 0, skipped: 'not an object id', unread: 'unreadable' },
      ]);
      // Batches asked at once take their turns on the one reader.
      const [x, y] = await Promise.all([
        fetcher.scanAll([{ meta: meta('a.txt'), content: { blob: a!, repo: w.root } }], echo),
        fetcher.scanAll([{ meta: meta('b.txt'), content: { blob: b!, repo: w.root } }], echo),
      ]);
      expect([x![0]!.notes, y![0]!.notes]).toEqual([['alpha\n'], ['bravo\n']]);
    } finally {
      fetcher.close();
    }
  });

  it('a blob id of bytes is what git names them (git hash-object)', () => {
    const w = new World();
    for (const [name, bytes] of [
      ['empty', Buffer.alloc(0)],
      ['text', Buffer.from('GITHUB_TOKEN=x\n')],
      ['binary', Buffer.from([0, 255, 10, 13, 0, 1])],
    ] as const) {
      writeFileSync(join(w.root, name), bytes);
      expect(gitBlobId(bytes)).toBe(w.git('hash-object', name));
    }
  });

  it('with one thread and with two, history reads blobs the same way', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('add', { 'app.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('drop', { 'app.env': null });
    const one = (await auditJson([w.root, '--history'])).report!;
    const run = await cli(['audit', w.root, '--history', '--offline', '--format', 'json', '--threads', '2']);
    const two = JSON.parse(run.stdout) as R;
    expect(two.findings).toEqual(one.findings);
    expect(findingFor(one, t)?.locations).toEqual([
      expect.objectContaining({ path: 'app.env', source: 'history', presentAtHead: false }),
    ]);
  });
});
