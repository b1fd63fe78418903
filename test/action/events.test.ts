import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { git, tempDir } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { CommentsDouble } from './comments-double.js';
import { pullRequestEvent, REPOSITORY, runAction, webhookExample, World } from './harness.js';

const ZERO = '0'.repeat(40);
const [owner, repo] = REPOSITORY.split('/') as [string, string];
const double = new CommentsDouble(owner, repo);
beforeAll(() => double.start());
afterAll(() => double.stop());

/** GitHub's push example (an existing branch, or a new one) pointed at our commits. */
function pushEvent(opts: { before: string; after: string; ref: string; created?: boolean; deleted?: boolean }) {
  // GitHub's examples are a new ref (created) and a deleted one; a plain push is the latter, undeleted.
  const e = webhookExample('push', (x) => x['created'] === Boolean(opts.created));
  Object.assign(e, { before: opts.before, after: opts.after, ref: opts.ref, deleted: Boolean(opts.deleted) });
  (e['repository'] as Record<string, unknown>)['default_branch'] = 'main';
  return e;
}

const paths = (r: { annotations: { properties: Record<string, string> }[] }) =>
  r.annotations.map((a) => `${a.properties['file']}:${a.properties['line']}`).sort();

describe('push', () => {
  test('before..after: only what the pushed commits add; no comment without a pull request', async () => {
    const world = new World();
    const old = world.commit({ 'legacy.env': `OLD=${githubToken()}\n` }, 'old');
    const after = world.commit({ 'app/.env': `A=1\nB=2\nGH=${githubToken()}\n` }, 'new');
    const calls = double.calls.length;
    const run = await runAction({
      root: world.root,
      eventName: 'push',
      payload: pushEvent({ before: old, after, ref: 'refs/heads/main' }),
      inputs: { verify: 'false' },
      apiUrl: double.url,
    });
    expect(paths(run)).toEqual(['app/.env:3']);
    expect(run.outputs['findings']).toBe('1');
    expect(run.summary).toContain(`the pushed commits (${old.slice(0, 7)}..${after.slice(0, 7)})`);
    expect(double.calls.length).toBe(calls);
  });

  test("a new branch (before is all zeros): what it adds to origin/<default branch>, not main's own history", async () => {
    const world = new World();
    const mainTip = world.commit({ 'legacy.env': `OLD=${githubToken()}\n` }, 'on main');
    world.git('update-ref', 'refs/remotes/origin/main', mainTip);
    world.git('checkout', '-q', '-b', 'feature');
    const after = world.commit({ 'feature.env': `NEW=${githubToken()}\n` }, 'feature');
    const run = await runAction({
      root: world.root,
      eventName: 'push',
      payload: pushEvent({ before: ZERO, after, ref: 'refs/heads/feature', created: true }),
      inputs: { verify: 'false' },
    });
    expect(paths(run)).toEqual(['feature.env:1']);
    expect(run.stdout).toContain(`a new branch: scanned what ${after.slice(0, 7)} adds to origin/main`);
  });

  test('a new branch when origin/<default> was not fetched: the whole history of the branch, said so', async () => {
    const world = new World();
    world.commit({ 'legacy.env': `OLD=${githubToken()}\n` }, 'on main');
    world.git('checkout', '-q', '-b', 'feature');
    const after = world.commit({ 'feature.env': `NEW=${githubToken()}\n` }, 'feature');
    const run = await runAction({
      root: world.root,
      eventName: 'push',
      payload: pushEvent({ before: ZERO, after, ref: 'refs/heads/feature', created: true }),
      inputs: { verify: 'false' },
    });
    expect(paths(run)).toEqual(['feature.env:1', 'legacy.env:1']);
    expect(run.stdout).toContain('origin/main is not in this clone, so the whole history of');
  });

  test('a force-push whose old tip this clone lacks: what the branch adds to origin/<default branch>', async () => {
    const world = new World();
    world.git('update-ref', 'refs/remotes/origin/main', world.base);
    world.git('checkout', '-q', '-b', 'feature');
    const after = world.commit({ 'rewritten.env': `T=${githubToken()}\n` }, 'rewritten');
    const gone = 'f'.repeat(40);
    const run = await runAction({
      root: world.root,
      eventName: 'push',
      payload: { ...pushEvent({ before: gone, after, ref: 'refs/heads/feature' }), forced: true },
      inputs: { verify: 'false' },
    });
    expect(paths(run)).toEqual(['rewritten.env:1']);
    expect(run.stdout).toContain(
      `a force-push (the old tip ${gone.slice(0, 7)} is gone): scanned what ${after.slice(0, 7)} adds to origin/main`,
    );
  });

  test('a deleted branch: nothing to scan, a passing job, zero findings', async () => {
    const world = new World();
    const run = await runAction({
      root: world.root,
      eventName: 'push',
      payload: pushEvent({ before: world.base, after: ZERO, ref: 'refs/heads/gone', deleted: true }),
      inputs: { verify: 'false' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', 'highest-severity': 'none' });
  });
});

describe('whole-repository scans', () => {
  test('workflow_dispatch: full history, so a token added and later removed is still found', async () => {
    const world = new World();
    const added = world.commit({ 'ops/deploy.sh': `#!/bin/sh\nexport GH_TOKEN=${githubToken()}\n` }, 'deploy');
    world.remove(['ops/deploy.sh'], 'oops');
    const run = await runAction({
      root: world.root,
      eventName: 'workflow_dispatch',
      payload: webhookExample('workflow_dispatch'),
      inputs: { verify: 'false' },
    });
    expect(paths(run)).toEqual(['ops/deploy.sh:2']);
    expect(run.annotations[0]!.properties['title']).toContain(`(added in ${added.slice(0, 7)}, gone at HEAD)`);
    expect(run.summary).toContain('**Scanned:** the whole repository');
  });

  test('schedule: full as well', async () => {
    const world = new World();
    world.commit({ 'a.env': `T=${githubToken()}\n` }, 'a');
    const run = await runAction({
      root: world.root,
      eventName: 'schedule',
      payload: { schedule: '30 5 * * 1' },
      inputs: { verify: 'false' },
    });
    expect(paths(run)).toEqual(['a.env:1']);
  });

  test('scan: full on a pull request scans everything, not only the range', async () => {
    const world = new World();
    world.commit({ 'old.env': `T=${githubToken()}\n` }, 'old');
    const base = world.git('rev-parse', 'HEAD').trim();
    const head = world.commit({ 'new.env': `T=${githubToken()}\n` }, 'new');
    const run = await runAction({
      root: world.root,
      eventName: 'pull_request',
      payload: pullRequestEvent(base, head),
      inputs: { verify: 'false', scan: 'full', comment: 'false' },
    });
    expect(paths(run)).toEqual(['new.env:1', 'old.env:1']);
  });
});

describe('a checkout without the history', () => {
  function shallowClone(): { root: string; base: string; head: string } {
    const world = new World();
    world.commit({ 'one.txt': '1\n' }, 'one');
    const head = world.commit({ 'two.env': `T=${githubToken()}\n` }, 'two');
    const root = tempDir('tokenscope-shallow-');
    git(root, 'clone', '-q', '--depth', '1', `file://${world.root}`, '.');
    return { root, base: world.base, head };
  }

  test('pr scan: the job fails with one line naming the missing commit and `fetch-depth: 0`', async () => {
    const c = shallowClone();
    const run = await runAction({
      root: c.root,
      eventName: 'pull_request',
      payload: pullRequestEvent(c.base, c.head),
      inputs: { verify: 'false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toContain(`commit ${c.base} is not in this shallow clone`);
    expect(run.failures[0]).toContain('`fetch-depth: 0`');
    expect(run.outputs).toEqual({});
  });

  test('full scan: refused rather than reading one commit and calling it the history', async () => {
    const c = shallowClone();
    const run = await runAction({
      root: c.root,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { verify: 'false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.failures).toEqual([
      'tokenscope: scan: full needs the whole history, but this is a shallow clone; fetch the full history (actions/checkout: `fetch-depth: 0`, or `git fetch --unshallow`)',
    ]);
  });
});

describe('inputs', () => {
  test('a bad fail-on names the input and its choices', async () => {
    const world = new World();
    const run = await runAction({
      root: world.root,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { 'fail-on': 'severe' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.failures).toEqual([
      "tokenscope: input fail-on: expected one of critical, high, medium, low, info, got 'severe'",
    ]);
  });

  test('scan: pr on a push says what to use instead', async () => {
    const world = new World();
    const run = await runAction({
      root: world.root,
      eventName: 'push',
      payload: pushEvent({ before: world.base, after: world.base, ref: 'refs/heads/main' }),
      inputs: { scan: 'pr' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.failures[0]).toContain("'pr' needs a pull_request event");
    expect(run.failures[0]).toContain('use scan: full');
  });

  test('verify: maybe is not a boolean', async () => {
    const world = new World();
    const run = await runAction({
      root: world.root,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { verify: 'maybe' },
    });
    expect(run.failures).toEqual(["tokenscope: input verify: expected true or false, got 'maybe'"]);
  });

  test("the CLI's own usage errors end the job in one line: an endpoint that is not https", async () => {
    const world = new World();
    const run = await runAction({
      root: world.root,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { 'github-api-url': 'http://github.example.com/api/v3' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toMatch(/^tokenscope: --github-api-url/);
    expect(run.outputs).toEqual({});
  });

  test('a missing config file is named', async () => {
    const world = new World();
    const run = await runAction({
      root: world.root,
      eventName: 'workflow_dispatch',
      payload: {},
      inputs: { verify: 'false', config: 'ci/tokenscope.yml' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.failures[0]).toContain(`${world.root}/ci/tokenscope.yml: cannot read config (ENOENT)`);
  });
});
