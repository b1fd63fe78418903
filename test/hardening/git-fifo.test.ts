import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * A directory shipped with its own `.git` can hold a named pipe where git expects a file: git
 * opens it and waits for a writer forever. tokenscope looks before git does.
 */
function repoWithPipe(at: string): { root: string; token: string } {
  const token = githubToken();
  const root = gitRepo({ 'app.env': `GITHUB_TOKEN=${token}\n` }, ['app.env']);
  rmSync(join(root, '.git', at), { force: true });
  execFileSync('mkfifo', [join(root, '.git', at)]);
  return { root, token };
}

describe('a named pipe in the git directory', () => {
  it('--history: one line naming the file, exit 2, at once (never a hang)', async () => {
    const { root } = repoWithPipe('packed-refs');
    const started = Date.now();
    const run = await cli(['audit', root, '--history', '--offline', '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('.git/packed-refs');
    expect(run.stdout).toBe('');
  });

  it('the working tree is still scanned, as if git were absent: the token is found', async () => {
    const { root, token } = repoWithPipe('index');
    const started = Date.now();
    const run = await cli(['audit', root, '--offline', '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(15_000);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ provider: string; locations: Array<{ path: string }> }>;
    };
    const gh = report.findings.find((f) => f.provider === 'github');
    expect(gh?.locations.map((l) => l.path)).toEqual(['app.env']);
    expect(run.stdout).not.toContain(token);
  });
});
