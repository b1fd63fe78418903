import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { CommentsDouble } from './comments-double.js';
import { pullRequestEvent, REPOSITORY, runAction, World } from './harness.js';

/**
 * The marker is plain text anyone can post. A pull request's author who posts it first must not
 * get the Action to edit their comment (or to fail with 403 and leave no findings comment).
 */

const [owner, repo] = REPOSITORY.split('/') as [string, string];
const MARKER = '<!-- tokenscope -->';
let double: CommentsDouble;
beforeEach(async () => {
  double = await new CommentsDouble(owner, repo).start();
});
afterEach(() => double.stop());

const pr = (world: World, head: string) =>
  runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { verify: 'false', 'fail-on': 'medium' },
    apiUrl: double.url,
  });

test("a person's comment carrying the marker, posted first: the Action writes its own comment and never edits theirs", async () => {
  const planted = double.seed(`${MARKER}\n## tokenscope\n\nNo credentials found. (trust me)`, 'mallory');
  const world = new World();
  const head = world.commit({ '.env': `GH_TOKEN=${githubToken()}\n` }, 'env');

  const run = await pr(world, head);

  expect(run.warnings).toEqual([]);
  const writes = double.writes();
  expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`POST /repos/${owner}/${repo}/issues/2/comments`]);
  expect(double.comments.find((c) => c.id === planted.id)!.body).toBe(
    `${MARKER}\n## tokenscope\n\nNo credentials found. (trust me)`,
  );
  const ours = double.comments.filter((c) => c.id !== planted.id);
  expect(ours).toHaveLength(1);
  expect(ours[0]!.login).toBe('github-actions[bot]');
  expect(ours[0]!.body.startsWith(`${MARKER}\n## tokenscope`)).toBe(true);
  expect(double.problems).toEqual([]);

  // The next push finds the bot's comment, not the planted one, even though the planted one is first.
  const head2 = world.commit({ 'ci.env': `CI_TOKEN=${githubToken()}\n` }, 'more');
  await pr(world, head2);
  expect(
    double
      .writes()
      .slice(1)
      .map((w) => `${w.method} ${w.path}`),
  ).toEqual([`PATCH /repos/${owner}/${repo}/issues/comments/${ours[0]!.id}`]);
  expect(double.comments.find((c) => c.id === planted.id)!.body).toContain('(trust me)');
});

test('a clean pull request with only a planted marker: nothing is "resolved", nothing is written', async () => {
  double.seed(`${MARKER}\nplanted`, 'mallory');
  const world = new World();
  const head = world.commit({ 'docs/readme.md': 'hello\n' }, 'docs');

  const run = await pr(world, head);

  expect(run.exitCode).toBe(0);
  expect(double.writes()).toEqual([]);
  expect(double.comments.map((c) => c.body)).toEqual([`${MARKER}\nplanted`]);
});
