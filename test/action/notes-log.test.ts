import { describe, expect, test } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, runAction, World } from './harness.js';

/** The Action's log and job summary carry the notes: a pull request that hides a file from the scan says so. */
describe("the Action's log and summary print the notes", () => {
  test('an added file over the size cap: noted in the log and the summary, not "no credentials found"', async () => {
    const world = new World();
    const base = world.commit({ '.tokenscope.yml': 'scan:\n  maxFileSize: 1024\n' }, 'config');
    const head = world.commit({ 'big.txt': `${'x'.repeat(2048)}\nT=${githubToken()}\n` }, 'big file');
    const run = await runAction({
      root: world.root,
      eventName: 'pull_request',
      payload: pullRequestEvent(base, head),
      inputs: { comment: 'false', verify: 'false' },
    });
    expect(run.exitCode).toBe(0);
    const log = run.stdout.split('\n').filter((l) => l.startsWith('tokenscope: '));
    expect(log).toContain(
      'tokenscope: no credentials reported for ' +
        `${world.root}; 1 note(s) below say what was not read or not counted`,
    );
    expect(log).toContain('tokenscope: Notes (1):');
    expect(log.some((l) => /^tokenscope: {3}skipped big\.txt at [0-9a-f]+: larger than the size cap/.test(l))).toBe(
      true,
    );
    expect(run.summary).toContain('No credentials reported; 1 note(s) below say what was not read or not counted.');
    expect(run.summary).toContain('<details><summary>Notes (1)</summary>');
    expect(run.summary).toMatch(/- skipped big\.txt at [0-9a-f]+: larger than the size cap/);
  });
});
