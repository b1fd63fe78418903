import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

describe('auditing a subfolder of a repository with --history', () => {
  const repo = gitRepo(
    { 'sub/a.env': `GITHUB_TOKEN=${githubToken()}\n`, 'other/b.env': `GITHUB_TOKEN=${githubToken()}\n` },
    ['sub/a.env', 'other/b.env'],
  );

  it("reads that subfolder's history only, with the same paths as its working tree", async () => {
    const run = await cli(['audit', join(repo, 'sub'), '--history', '--offline', '--format', 'json', '--threads', '1']);
    const report = JSON.parse(run.stdout) as { findings: { locations: { path: string; source: string }[] }[] };
    expect(report.findings.map((f) => f.locations.map((l) => `${l.source} ${l.path}`))).toEqual([
      ['tracked a.env', 'history a.env'],
    ]);
  });
});

describe('the installed command starts the history walk before it loads', () => {
  it('and reports what the in-process audit reports, for the directory it is in and for one it is given', async () => {
    const { runCommand } = await import('./command.js');
    const { git: g } = await import('../helpers/repo.js');
    const repo = gitRepo({ 'a.env': `GITHUB_TOKEN=${githubToken()}\n`, 'b.txt': 'b\n' }, ['a.env', 'b.txt']);
    // A secret added and removed again: only history holds it.
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(join(repo, 'gone.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    g(repo, 'add', 'gone.env');
    g(repo, 'commit', '-qm', 'add');
    rmSync(join(repo, 'gone.env'));
    g(repo, 'commit', '-qam', 'remove');
    const view = (stdout: string) =>
      (
        JSON.parse(stdout) as { findings: { locations: { path: string; source: string; commit?: string }[] }[] }
      ).findings
        .map((f) => f.locations.map((l) => `${l.source} ${l.path} ${l.commit ?? ''}`).join(', '))
        .sort();
    const inProcess = view((await cli(['audit', repo, '--history', '--offline', '--format', 'json'])).stdout);
    expect(inProcess).toHaveLength(2);
    const { withNotingGit } = await import('../helpers/noting-git.js');
    // How many history walks each run started: one, the early one, when the audit took it.
    const walks = async (args: string[], cwd?: string) => {
      let stdout = '';
      const calls = await withNotingGit([], async () => {
        stdout = (await runCommand(args, cwd ? { cwd } : {})).stdout;
      });
      return { found: view(stdout), walks: calls.filter((c) => c.args.includes('--raw')).length };
    };
    const here = await walks(['audit', '--history', '--offline', '--format', 'json'], repo);
    expect(here).toEqual({ found: inProcess, walks: 1 });
    const given = await walks(['audit', repo, '--history', '--offline', '--format', 'json']);
    expect(given).toEqual({ found: inProcess, walks: 1 });
    // Another directory than the one guessed (the flag's value is not taken for the path): the
    // early walk is stopped, and the audit walks its own.
    const other = await walks(['audit', '--format', 'json', repo, '--history', '--offline'], join(repo, '..'));
    expect(other).toEqual({ found: inProcess, walks: 2 });
  });
});
