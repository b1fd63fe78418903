import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { isBinary } from '../../src/sources/read.js';
import { cli } from '../helpers/cli.js';
import { gitRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * One NUL byte used to make a file binary (git's test), so `\0` at the top of a text file hid its
 * tokens from every mode. A file is binary by a known format's signature or by a head that is
 * mostly not text; what is skipped is counted in a note.
 */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

interface JsonReport {
  findings: Array<{ locations: Array<{ path: string; source: string }> }>;
  notes: string[];
}

async function audit(args: string[]): Promise<JsonReport> {
  const run = await cli([...args, '--offline', '--format', 'json', '--threads', '1']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonReport;
}

const places = (r: JsonReport) => r.findings.flatMap((f) => f.locations.map((l) => `${l.source}:${l.path}`)).sort();

describe('binary files are told by more than one byte', () => {
  it('a NUL first, then text and a token: scanned', () => {
    expect(isBinary(Buffer.from(`\0config\nTOKEN=${githubToken()}\n`))).toBe(false);
  });

  it('a PNG header and random bytes: binary, even when its head happens to hold no NUL', () => {
    const body = randomBytes(4096);
    for (let i = 0; i < body.length; i++) if (body[i] === 0) body[i] = 1;
    expect(isBinary(Buffer.concat([PNG, body]))).toBe(true);
  });

  it('random bytes without a signature: binary (mostly not text)', () => {
    expect(isBinary(randomBytes(8192))).toBe(true);
  });

  it('UTF-8 text in other scripts is text', () => {
    expect(isBinary(Buffer.from('пароль: значение\n密码：值\nκωδικός\n'.repeat(50)))).toBe(false);
  });

  it('working tree: the NUL-led text file is scanned, the PNG is skipped and counted', async () => {
    const root = tempDir();
    made.push(root);
    const t = githubToken();
    writeFiles(root, {
      'notes.txt': Buffer.concat([Buffer.from([0]), Buffer.from(`deploy notes\nGITHUB_TOKEN=${t}\n`)]),
      'logo.png': Buffer.concat([PNG, randomBytes(2048), Buffer.from(`\nGITHUB_TOKEN=${githubToken()}\n`)]),
      'archive.bin': randomBytes(4096),
    });
    const report = await audit(['audit', root]);
    expect(places(report)).toEqual(['untracked:notes.txt']);
    expect(report.notes).toContain('skipped 2 binary file(s) in the working tree');
  });

  it('history: the same, counted per blob', async () => {
    const t = githubToken();
    const root = gitRepo(
      {
        'notes.txt': Buffer.concat([Buffer.from([0]), Buffer.from(`deploy notes\nGITHUB_TOKEN=${t}\n`)]),
        'logo.png': Buffer.concat([PNG, randomBytes(2048), Buffer.from(`\nGITHUB_TOKEN=${githubToken()}\n`)]),
      },
      ['notes.txt', 'logo.png'],
    );
    made.push(root);
    const report = await audit(['audit', root, '--history']);
    expect(places(report)).toEqual(['history:notes.txt', 'tracked:notes.txt']);
    expect(report.notes).toContain('history: skipped 1 binary blob(s)');
    expect(report.notes).toContain('skipped 1 binary file(s) in the working tree');
  });
});

describe('the fast path decides as the byte-by-byte rule does', () => {
  /** The rule, written out plainly: odd controls plus undecodable bytes over a quarter of the head. */
  function reference(buf: Buffer): boolean {
    const head = buf.subarray(0, 8192);
    if (head.length === 0) return false;
    let odd = 0;
    for (const b of head) if ((b < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(b)) || b === 0x7f) odd++;
    if (head.some((b) => b >= 0x80)) odd += [...head.toString('utf8')].filter((c) => c === '\ufffd').length;
    return odd > head.length * 0.25;
  }

  it('agrees on random mixtures of text, controls, UTF-8 and broken UTF-8 (no magic signature)', () => {
    const pieces = [
      Buffer.from('plain ascii line\n'),
      Buffer.from('ünïcödé 密码 κωδικός\n'),
      Buffer.from([0x00]),
      Buffer.from([0x01, 0x02, 0x7f]),
      Buffer.from([0xc3]),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from('\ufffd'),
      Buffer.from('\t\r\x1b[0m\f\v'),
      Buffer.from(Array.from({ length: 48 }, (_, k) => (k * 37) % 9)),
      Buffer.from(Array.from({ length: 48 }, (_, k) => 0x80 + ((k * 53) % 128))),
    ];
    let state = 7;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    let binaries = 0;
    for (let i = 0; i < 3000; i++) {
      const parts: Buffer[] = [Buffer.from('x')];
      const n = 1 + rand(60);
      for (let k = 0; k < n; k++) parts.push(pieces[rand(pieces.length)]!);
      const buf = Buffer.concat(parts);
      const want = reference(buf);
      if (want) binaries++;
      expect([i, isBinary(buf)]).toEqual([i, want]);
    }
    // Both answers occur, so the comparison means something.
    expect(binaries).toBeGreaterThan(100);
    expect(binaries).toBeLessThan(2900);
  });
});
