import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { withNotingGit } from '../helpers/noting-git.js';
import { git, gitRepo } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/** The git subcommands an in-process `audit --history` of `repo` ran, and its report's findings. */
async function audited(repo: string) {
  let stdout = '';
  const calls = await withNotingGit([], async () => {
    stdout = (await cli(['audit', repo, '--history', '--offline', '--format', 'json', '--threads', '1'])).stdout;
  });
  const ran = (sub: string) => calls.filter((c) => c.args.split(' ').includes(sub)).length;
  const findings = (JSON.parse(stdout) as { findings: unknown[] }).findings;
  return { lsTree: ran('ls-tree'), revList: ran('rev-list'), findings: findings.length };
}

describe('what a history audit asks git after the walk', () => {
  it('nothing about HEAD when nothing was found', async () => {
    const repo = gitRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' }, ['a.txt', 'b.txt']);
    expect(await audited(repo)).toEqual({ lsTree: 0, revList: 0, findings: 0 });
  });

  it("HEAD's tree and its ancestors, once each, when a secret was removed", async () => {
    const repo = gitRepo({ 'a.txt': 'a\n' }, ['a.txt']);
    writeFileSync(join(repo, 'gone.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    git(repo, 'add', 'gone.env');
    git(repo, 'commit', '-qm', 'add');
    rmSync(join(repo, 'gone.env'));
    git(repo, 'commit', '-qam', 'remove');
    expect(await audited(repo)).toEqual({ lsTree: 1, revList: 1, findings: 1 });
  });
});
