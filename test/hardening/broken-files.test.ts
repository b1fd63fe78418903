import { describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readForScan } from '../../src/sources/read.js';
import { cli } from '../helpers/cli.js';
import { git, gitRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ locations: Array<{ path: string; line: number; source: string }> }>;
  notes: string[];
}

async function audit(root: string, ...extra: string[]) {
  const run = await cli(['audit', root, '--format', 'json', '--offline', ...extra]);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const paths = (r: Report) => r.findings.flatMap((f) => f.locations.map((l) => `${l.path}:${l.line}`)).sort();

describe('broken and hostile files: each reported, none fatal', () => {
  it('a 10 MB single line with a token at its end, and a file over the size cap', async () => {
    const root = tempDir();
    const t = githubToken();
    writeFiles(root, {
      'one-line.min.js': `${'x=1;'.repeat(2_500_000)}t="${t}"`,
      '.tokenscope.yml': 'scan:\n  maxFileSize: 20000000\n',
      'huge.log': Buffer.alloc(21_000_000, 'a'),
    });
    const { code, report } = await audit(root);
    expect(code).toBe(0);
    expect(paths(report)).toEqual(['one-line.min.js:1']);
    expect(report.notes.join('\n')).toMatch(/huge\.log: larger than the size cap/);
  });

  it('invalid UTF-8 around a token, UTF-16 files with a BOM, and NUL bytes', async () => {
    const root = tempDir();
    const [a, b, c] = [githubToken(), githubToken(), githubToken()];
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`line one\r\nGITHUB_TOKEN=${b}\r\n`, 'utf16le'),
    ]);
    writeFiles(root, {
      'latin1.env': Buffer.concat([
        Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0a]),
        Buffer.from(`T=${a}\n`),
        Buffer.from([0xed, 0xa0, 0x80]),
      ]),
      'windows.env': utf16,
      'nul.bin': Buffer.concat([Buffer.from(`T=${c}`), Buffer.from([0, 0, 0])]),
    });
    const { report } = await audit(root);
    // A few NUL bytes do not make a file binary: the token in nul.bin is found (binary-sniff.test.ts).
    expect(paths(report)).toEqual(['latin1.env:2', 'nul.bin:1', 'windows.env:2']);
  });

  it('deep directories', async () => {
    const root = tempDir();
    const deep = Array.from({ length: 120 }, (_, i) => `d${i}`).join('/');
    mkdirSync(join(root, deep), { recursive: true });
    writeFileSync(join(root, deep, '.env'), `T=${githubToken()}\n`);
    const { report } = await audit(root);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.locations[0]!.path).toBe(`${deep}/.env`);
  });

  it('a file that vanishes between the walk and the read is a note', () => {
    const root = tempDir();
    writeFiles(root, { 'gone.env': 'x' });
    rmSync(join(root, 'gone.env'));
    expect(readForScan(join(root, 'gone.env'), 1000)).toEqual({ skipped: 'vanished during the scan' });
  });

  it('a corrupt .git: the working tree is still scanned; --history says what is wrong in one line', async () => {
    const t = githubToken();
    const root = gitRepo({ 'app.env': `T=${t}\n` }, ['app.env']);
    writeFileSync(join(root, '.git', 'HEAD'), 'garbage\n');
    const { report } = await audit(root);
    expect(paths(report)).toEqual(['app.env:1']);
    const history = await cli(['audit', root, '--history', '--offline', '--format', 'json']);
    expect(history.code).toBe(2);
    expect(history.stderr.trim().split('\n')).toHaveLength(1);
    expect(history.stderr).not.toContain(t);
  });

  it('corrupt objects in history are noted and the rest is scanned', async () => {
    const [a, b] = [githubToken(), githubToken()];
    const root = gitRepo({ 'a.env': `A=${a}\n` }, ['a.env']);
    writeFiles(root, { 'b.env': `B=${b}\n` });
    git(root, 'add', 'b.env');
    git(root, 'commit', '-q', '-m', 'second');
    // Break the loose object of b.env's blob.
    const blob = git(root, 'rev-parse', 'HEAD:b.env').trim();
    const obj = join(root, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    rmSync(obj, { force: true });
    writeFileSync(obj, 'not zlib');
    // Changed on disk too: the working tree no longer holds that blob, only git could read it.
    writeFileSync(join(root, 'b.env'), 'B=\n');
    const run = await cli(['audit', root, '--history', '--offline', '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(
      report.findings.flatMap((f) => f.locations.filter((l) => l.source === 'history').map((l) => l.path)),
    ).toContain('a.env');
    expect(report.notes.join('\n')).toMatch(new RegExp(blob.slice(0, 7)));
  });
});
