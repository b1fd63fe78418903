import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { gitRepo, tempDir } from '../helpers/repo.js';

describe('git errors name the real problem', () => {
  const repo = gitRepo({ 'a.txt': 'a\n' }, ['a.txt']);
  const plain = tempDir();

  it('--range with a name no commit has: "no commit named", not a fetch-depth hint (a full clone)', async () => {
    const run = await cli(['audit', repo, '--range', 'HEAD..typo']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`tokenscope: --range: no commit named 'typo' in ${repo}\n`);
  });

  it('--branch outside a repository blames --branch', async () => {
    const run = await cli(['audit', plain, '--branch', 'main']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`tokenscope: --branch: ${plain} is not inside a git repository\n`);
  });
});
