import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { clipLongRuns } from '../../src/report/sanitize.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

describe('a note about a hostile path stays a readable line', () => {
  it('clips a run of over 240 characters to its first and last 100, saying how many were left out', () => {
    const run = `${'a'.repeat(150)}${'b'.repeat(3000)}${'c'.repeat(150)}`;
    const clipped = clipLongRuns(`could not list folder ${run} (ENAMETOOLONG)`);
    expect(clipped).toBe(
      `could not list folder ${'a'.repeat(100)}…(3100 characters)…${'c'.repeat(100)} (ENAMETOOLONG)`,
    );
    // Shorter runs, and text with spaces, are left as they are.
    const ordinary = `skipped ${'d/'.repeat(110)}x.bin: not a regular file`;
    expect(clipLongRuns(ordinary)).toBe(ordinary);
    // Characters outside the BMP are counted and cut whole.
    const emoji = '😀'.repeat(300);
    expect(clipLongRuns(emoji)).toBe(`${'😀'.repeat(100)}…(100 characters)…${'😀'.repeat(100)}`);
  });

  it('a tree nested past the path limit: the note names the folder in a few hundred characters, the rest is scanned', async () => {
    const root = tempDir();
    const token = githubToken();
    writeFileSync(join(root, 'shallow.env'), `T=${token}\n`);
    // 25 folders of 200 characters, each made from inside the one before (a full path that long
    // cannot be named): past PATH_MAX (4096), so listing the deepest fails.
    const nest = `process.chdir(process.argv[1]); for (let i = 0; i < 25; i++) { fs.mkdirSync(process.argv[2]); process.chdir(process.argv[2]); }`;
    execFileSync(process.execPath, ['-e', nest, root, 'n'.repeat(200)]);
    // GNU rm walks a tree that deep (relative to each folder); Node's rmSync names full paths.
    const run = await cli(['audit', root, '--offline', '--format', 'json']).finally(() =>
      execFileSync('rm', ['-rf', root]),
    );
    const report = JSON.parse(run.stdout) as { findings: unknown[]; notes: string[] };
    expect(report.findings).toHaveLength(1);
    const note = report.notes.find((n) => n.startsWith('could not list folder'));
    expect(note).toBeDefined();
    expect(note!.length).toBeLessThan(400);
    expect(note).toMatch(/…\(\d+ characters\)…/);
  });
});
