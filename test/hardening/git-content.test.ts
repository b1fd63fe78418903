import { describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { type R, World, findingFor } from '../history/world.js';

/**
 * Hostile content in a pull request (or a commit, or the index) must neither blind the scan nor
 * stop it. The CLI runs as its own process (the installed command, build/), under a time limit:
 * a scan that hangs fails the test instead of hanging the suite.
 */
function tokenscope(
  args: string[],
  timeoutMs = 60_000,
): Promise<{ code: number | null; report?: R; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        join(packageRoot(), 'bin', 'tokenscope.js'),
        'audit',
        ...args,
        '--format',
        'json',
        '--offline',
        '--threads',
        '1',
      ],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: '1' } },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number; killed?: boolean }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          ...(stdout.trim() ? { report: JSON.parse(stdout) as R } : {}),
          stderr,
          timedOut: Boolean(e?.killed),
        });
      },
    );
  });
}

/** main with one harmless commit, and the branch `pr` off it. */
function prWorld(): { w: World; base: string } {
  const w = new World();
  const base = w.commit('base', { 'README.md': 'hello\n' });
  w.git('checkout', '-q', '-b', 'pr');
  return { w, base };
}

describe('.gitattributes cannot hide what a change adds', () => {
  for (const attrs of ['*.env -diff\n', '*.env binary\n', '*.env diff=nothing\n*.env filter=nothing\n']) {
    it(`--range and --staged read the content whatever \`${attrs.trim().replace(/\n/g, '; ')}\` says`, async () => {
      const { w, base } = prWorld();
      const t = githubToken();
      const head = w.commit('attributes and a token', { '.gitattributes': attrs, 'prod.env': `GITHUB_TOKEN=${t}\n` });
      const range = await tokenscope([w.root, '--range', `${base}..${head}`]);
      expect(findingFor(range.report!, t)!.locations).toEqual([
        expect.objectContaining({ path: 'prod.env', line: 1, commit: head }),
      ]);

      const staged = githubToken();
      writeFiles(w.root, { 'next.env': `# staged\nDEPLOY_TOKEN=${staged}\n` });
      w.git('add', 'next.env');
      const pre = await tokenscope([w.root, '--staged']);
      expect(findingFor(pre.report!, staged)!.locations).toEqual([
        expect.objectContaining({ path: 'next.env', line: 2, source: 'tracked' }),
      ]);
    });
  }
});

describe('a file that cannot be read costs that file only, and never hangs the scan', () => {
  it('a file name with a newline and spaces: scanned by blob id, in --range, --staged and --history', async () => {
    const { w, base } = prWorld();
    const odd = githubToken();
    const plain = githubToken();
    const head = w.commit('odd name', {
      'notes\nx y\nz': `GITHUB_TOKEN=${odd}\n`,
      'plain.env': `GITHUB_TOKEN=${plain}\n`,
    });
    const staged = githubToken();
    writeFiles(w.root, { 'a\nb c\nd.env': `GITHUB_TOKEN=${staged}\n` });
    w.git('add', '-A');

    for (const [args, tokens] of [
      [
        ['--range', `${base}..${head}`],
        [odd, plain],
      ],
      [['--history'], [odd, plain]],
      [['--staged'], [staged]],
    ] as const) {
      const run = await tokenscope([w.root, ...args]);
      // Completed in time; the committed tokens found fail the default gate (exit 1).
      expect({ args, timedOut: run.timedOut, code: run.code }).toEqual({ args, timedOut: false, code: 1 });
      for (const t of tokens) expect(findingFor(run.report!, t)).toBeDefined();
    }
    const range = await tokenscope([w.root, '--range', `${base}..${head}`]);
    // Reports show the name with its line breaks made inert (src/report/sanitize.ts).
    expect(findingFor(range.report!, odd)!.locations[0]!.path).toBe('notes x y z');
  }, 240_000);

  it('a 36 MiB file of short lines is skipped with a note at the size cap; the other findings stay', async () => {
    const { w, base } = prWorld();
    const big = join(w.root, 'big.txt');
    // 36 MiB of two-byte lines: more lines than a JavaScript Set can hold.
    writeFileSync(big, Buffer.alloc(36 * 1024 * 1024, 'a\n'));
    const t = githubToken();
    const head = w.commit('a huge file and a token', { 'prod.env': `GITHUB_TOKEN=${t}\n` });
    const staged = githubToken();
    writeFileSync(big, Buffer.alloc(36 * 1024 * 1024 + 2, 'b\n'));
    writeFiles(w.root, { 'next.env': `GITHUB_TOKEN=${staged}\n` });
    w.git('add', '-A');

    for (const [args, token] of [
      [['--range', `${base}..${head}`], t],
      [['--history'], t],
      [['--staged'], staged],
    ] as const) {
      const run = await tokenscope([w.root, ...args], 120_000);
      // Completed in time; the committed tokens found fail the default gate (exit 1).
      expect({ args, timedOut: run.timedOut, code: run.code }).toEqual({ args, timedOut: false, code: 1 });
      expect(findingFor(run.report!, token)).toBeDefined();
      expect(run.report!.notes.join('\n')).toMatch(
        /skipped big\.txt.*larger than the size cap \(3774873[68] > 26214400 bytes\)/,
      );
    }
  }, 400_000);

  it('a .git whose index is a named pipe (git would wait on it forever): the scan still ends, with its findings', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('token', { 'app.env': `GITHUB_TOKEN=${t}\n` });
    rmSync(join(w.root, '.git', 'index'));
    execFileSync('mkfifo', [join(w.root, '.git', 'index')]);
    const run = await tokenscope([w.root], 150_000);
    expect({ timedOut: run.timedOut, code: run.code }).toEqual({ timedOut: false, code: 0 });
    expect(findingFor(run.report!, t)!.locations[0]!.path).toBe('app.env');
  }, 200_000);
});
