import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { GithubDouble } from '../github/double.js';
import { makePlans } from '../github/plans.js';
import { CommentsDouble } from './comments-double.js';
import { everythingShown, pullRequestEvent, REPOSITORY, runAction, World, WORKFLOW_TOKEN } from './harness.js';

const plans = makePlans();
const github = new GithubDouble(plans);
const [owner, repo] = REPOSITORY.split('/') as [string, string];
const comments = new CommentsDouble(owner, repo);
beforeAll(async () => {
  await github.start();
  await comments.start();
});
afterAll(async () => {
  await github.stop();
  await comments.stop();
});

test('verify: a GitHub token the PR adds is inspected, read-only, at the github-api-url input; the comment says what it can do', async () => {
  const token = plans['classicBroad']!.token;
  const world = new World();
  const head = world.commit(
    { 'scripts/release.sh': `#!/bin/sh\nGITHUB_TOKEN=${token} gh release create v1\n` },
    'release',
  );
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { 'github-api-url': github.url },
    // The workflow's API (where the comment goes) is a different server from the inspection endpoint.
    apiUrl: comments.url,
  });

  // Inspection: only reads, only with the found token, only at the configured endpoint.
  expect(github.calls.length).toBeGreaterThan(0);
  expect(github.calls.every((c) => (c.method === 'GET' || c.method === 'HEAD') && c.plan === 'classicBroad')).toBe(
    true,
  );
  expect(github.problems).toEqual([]);
  // The comment API saw the workflow's token, never the found one.
  expect(comments.calls.map((c) => c.token)).toEqual([WORKFLOW_TOKEN, WORKFLOW_TOKEN]);

  // A live classic token with admin:org, delete_repo and workflow scopes, committed: broad, so
  // critical (README, Severities).
  expect(run.outputs['highest-severity']).toBe('critical');
  expect(run.exitCode).toBe(1);
  expect(run.annotations.map((a) => [a.command, a.properties['file'], a.properties['line']])).toEqual([
    ['error', 'scripts/release.sh', '2'],
  ]);
  expect(run.annotations[0]!.message).toContain('(verified): alice; reaches');

  const body = comments.comments[0]!.body;
  expect(body).toContain('alice; reaches');
  for (const id of ['org-admin', 'can-delete-repos', 'workflow-write', 'committed-live-credential'])
    expect(body).toContain(id);
  expect(everythingShown(run, [body])).not.toContain(token);
});
