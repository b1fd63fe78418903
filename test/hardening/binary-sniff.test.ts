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
