import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { CommentsDouble } from './comments-double.js';
import { everythingShown, pullRequestEvent, REPOSITORY, runAction, World } from './harness.js';

const [owner, repo] = REPOSITORY.split('/') as [string, string];
const double = new CommentsDouble(owner, repo);
beforeAll(() => double.start());
afterAll(() => double.stop());

test('a pull request from a fork: the comment is refused (403), the rest still runs and the job still fails', async () => {
  double.readOnly = true;
  const world = new World();
  const token = githubToken();
  const head = world.commit({ 'config/settings.yml': `github:\n  token: ${token}\n` }, 'settings');
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head, { forkOwner: 'forker' }),
    inputs: { verify: 'false', 'fail-on': 'medium' },
    apiUrl: double.url,
  });

  // The write was tried and refused...
  expect(double.calls.map((c) => c.method)).toEqual(['GET', 'POST']);
  expect(double.comments).toEqual([]);
  // ...which is said once, as a warning that names the cause, and nothing else breaks.
  expect(run.warnings).toHaveLength(1);
  expect(run.warnings[0]).toContain('HTTP 403: Resource not accessible by integration');
  expect(run.warnings[0]).toContain('a pull request from a fork runs with a read-only token');
  expect(run.annotations.map((a) => [a.command, a.properties['file'], a.properties['line']])).toEqual([
    ['error', 'config/settings.yml', '2'],
  ]);
  expect(run.summary).toContain('config/settings.yml:2@');
  expect(run.outputs['findings']).toBe('1');
  expect(run.exitCode).toBe(1);
  expect(run.failures).toEqual([
    'tokenscope: 1 credential(s) at or above medium; see the annotations and the job summary',
  ]);
  expect(everythingShown(run)).not.toContain(token);
});

test('a fork pull request that adds nothing: no write is attempted, the job passes', async () => {
  double.readOnly = true;
  const calls = double.calls.length;
  const world = new World();
  const head = world.commit({ 'docs/guide.md': 'How to build.\n' }, 'docs');
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head, { forkOwner: 'forker' }),
    inputs: { verify: 'false' },
    apiUrl: double.url,
  });
  expect(run.exitCode).toBe(0);
  expect(run.warnings).toEqual([]);
  expect(double.calls.slice(calls).map((c) => c.method)).toEqual(['GET']);
});
