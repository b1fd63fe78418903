import { expect, test } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, runAction, World } from './harness.js';

const files = (r: { annotations: { properties: Record<string, string> }[] }) =>
  r.annotations.map((a) => a.properties['file']).sort();

test("a pull request cannot loosen its own check: the base commit's config governs", async () => {
  const world = new World();
  const base = world.commit({ '.tokenscope.yml': 'version: 1\nallowlist:\n  paths: ["fixtures/**"]\n' }, 'config');
  const head = world.commit(
    {
      '.tokenscope.yml': 'version: 1\nallowlist:\n  paths: ["**"]\npolicy:\n  failOn: critical\n',
      'fixtures/fake.env': `T=${githubToken()}\n`,
      '.env': `T=${githubToken()}\n`,
    },
    'sneaky',
  );
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(base, head),
    inputs: { verify: 'false', 'fail-on': 'medium', comment: 'false' },
  });
  // fixtures/ is allowlisted at the base; the PR's `**` is not in force.
  expect(files(run)).toEqual(['.env']);
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toContain(`config: .tokenscope.yml as of the base commit ${base.slice(0, 7)}`);
});

test('a config the pull request introduces applies after merge; until then, the defaults', async () => {
  const world = new World();
  const head = world.commit(
    { '.tokenscope.yml': 'version: 1\nallowlist:\n  paths: ["**"]\n', 'app.env': `T=${githubToken()}\n` },
    'new config',
  );
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { verify: 'false', comment: 'false' },
  });
  expect(files(run)).toEqual(['app.env']);
  expect(run.stdout).toContain(
    'config: .tokenscope.yml is not in the base commit; the defaults apply until it is merged',
  );
});

test('on push the checked-out config is used: pushes come from people with write access', async () => {
  const world = new World();
  const before = world.base;
  const after = world.commit(
    {
      '.tokenscope.yml': 'version: 1\nallowlist:\n  paths: ["fixtures/**"]\n',
      'fixtures/fake.env': `T=${githubToken()}\n`,
    },
    'fixtures',
  );
  const run = await runAction({
    root: world.root,
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } },
    inputs: { verify: 'false' },
  });
  expect(run.outputs['findings']).toBe('0');
});

test.each(['pull_request', 'pull_request_target'])(
  "%s with scan: full: still the base commit's config, not the pull request's checkout",
  async (eventName) => {
    const world = new World();
    const base = world.commit({ '.tokenscope.yml': 'version: 1\nallowlist:\n  paths: ["fixtures/**"]\n' }, 'config');
    const head = world.commit(
      {
        '.tokenscope.yml': 'version: 1\nallowlist:\n  paths: ["**"]\npolicy:\n  failOn: critical\n',
        'fixtures/fake.env': `T=${githubToken()}\n`,
        '.env': `T=${githubToken()}\n`,
      },
      'sneaky',
    );
    const run = await runAction({
      root: world.root,
      eventName,
      payload: pullRequestEvent(base, head),
      inputs: { verify: 'false', 'fail-on': 'medium', comment: 'false', scan: 'full' },
    });
    expect(files(run)).toEqual(['.env']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`config: .tokenscope.yml as of the base commit ${base.slice(0, 7)}`);
  },
);
