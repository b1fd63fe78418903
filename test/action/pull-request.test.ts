import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { CommentsDouble } from './comments-double.js';
import {
  type ActionRun,
  everythingShown,
  pullRequestEvent,
  REPOSITORY,
  runAction,
  World,
  WORKFLOW_TOKEN,
} from './harness.js';

/** secret.ts's rule for a prefixed token: the prefix and two characters, ****, the last two. */
const redactedGhp = (t: string) => `${t.slice(0, 6)}****${t.slice(-2)}`;
const COMMENTS = '/repos/Codertocat/Hello-World/issues/2/comments';

const [owner, repo] = REPOSITORY.split('/') as [string, string];
const double = new CommentsDouble(owner, repo);
const world = new World();
const first = githubToken();
const second = githubToken();
let human: { id: number; body: string };

beforeAll(async () => {
  await double.start();
  human = double.seed('Looks good to me, but please add tests.');
});
afterAll(() => double.stop());

const pr = (head: string, inputs: Record<string, string> = {}) =>
  runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { verify: 'false', ...inputs },
    apiUrl: double.url,
  });

const bodies = () => double.writes().map((c) => c.body?.body ?? '');

describe('a pull request, push after push', () => {
  let head1 = '';
  let run1: ActionRun;

  test('adds a token: masked first, annotated at its line, summarised, commented, and the job fails', async () => {
    head1 = world.commit({ '.env': `APP_NAME=shop\nGH_TOKEN=${first}\n` }, 'add env');
    run1 = await pr(head1, { 'fail-on': 'medium', 'sarif-file': 'out/tokenscope.sarif' });

    expect(run1.exitCode).toBe(1);
    expect(run1.failures).toEqual([
      'tokenscope: 1 credential(s) at or above medium; see the annotations and the job summary',
    ]);
    // The mask comes before any other line of the step's log.
    const masks = run1.commands.filter((c) => c.command === 'add-mask');
    expect(masks.map((m) => m.message)).toContain(first);
    const firstOther = run1.stdout
      .split('\n')
      .findIndex((l) => l !== '' && !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
    expect(Math.max(...masks.map((m) => m.line))).toBeLessThan(firstOther);

    // Offline, a committed GitHub token (checksummed) is `uninspected-credential`: high, an error.
    expect(run1.annotations).toHaveLength(1);
    const a = run1.annotations[0]!;
    expect(a.command).toBe('error');
    expect(a.properties).toMatchObject({ file: '.env', line: '2', col: '10' });
    expect(a.message).toContain(redactedGhp(first));
    expect(a.message).toContain('unverified');

    expect(run1.outputs['findings']).toBe('1');
    expect(run1.outputs['highest-severity']).toBe('high');
    expect(run1.outputs['sarif-file']).toBe(join(world.root, 'out', 'tokenscope.sarif'));
    const report = JSON.parse(readFileSync(run1.outputs['report-json']!, 'utf8')) as {
      findings: { locations: { path: string; line: number; commit?: string }[] }[];
    };
    expect(report.findings[0]!.locations[0]).toMatchObject({ path: '.env', line: 2, commit: head1 });
    const sarif = JSON.parse(readFileSync(run1.outputs['sarif-file']!, 'utf8')) as {
      version: string;
      runs: {
        results: {
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: '.env' },
      region: { startLine: 2 },
    });

    expect(run1.summary).toContain('## tokenscope');
    expect(run1.summary).toContain(`.env:2@${head1.slice(0, 7)} (history)`);
    // The description may name branches, so it is rendered inert: `#` cannot make a reference (md.ts).
    expect(run1.summary).toContain(
      `**Scanned:** the commits of pull request #\u200d2 (${world.base.slice(0, 7)}..${head1.slice(0, 7)})`,
    );

    const writes = double.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'POST', path: COMMENTS, token: WORKFLOW_TOKEN });
    expect(writes[0]!.body!.body!.startsWith('<!-- tokenscope -->\n## tokenscope')).toBe(true);
    expect(writes[0]!.body!.body).toContain(redactedGhp(first));
    expect(writes[0]!.body!.body).toContain('what it can do');
    expect(double.comments.find((c) => c.id === human.id)!.body).toBe('Looks good to me, but please add tests.');

    expect(everythingShown(run1, bodies())).not.toContain(first);
    expect(double.problems).toEqual([]);
  });

  test('a second push: the same comment is edited in place, no second comment', async () => {
    const head2 = world.commit({ 'deploy/ci.env': `CI_TOKEN=${second}\n` }, 'add ci env');
    const run = await pr(head2, { 'fail-on': 'medium' });

    expect(run.exitCode).toBe(1);
    expect(run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toEqual(
      expect.arrayContaining([first, second]),
    );
    expect(run.annotations.map((a) => [a.command, a.properties['file'], a.properties['line']]).sort()).toEqual([
      ['error', '.env', '2'],
      ['error', 'deploy/ci.env', '1'],
    ]);
    expect(run.outputs['findings']).toBe('2');

    const writes = double.writes();
    expect(writes.filter((c) => c.method === 'POST')).toHaveLength(1);
    const created = double.comments.find((c) => c.body.startsWith('<!-- tokenscope -->'))!;
    expect(writes.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/repos/${owner}/${repo}/issues/comments/${created.id}`,
    });
    expect(created.body).toContain(redactedGhp(first));
    expect(created.body).toContain(redactedGhp(second));
    expect(double.comments.filter((c) => c.body.includes('<!-- tokenscope -->'))).toHaveLength(1);
    expect(everythingShown(run, bodies())).not.toContain(second);
  });

  test('below fail-on: warnings, not errors, and the job passes', async () => {
    const head = world.git('rev-parse', 'HEAD').trim();
    const run = await pr(head, { 'fail-on': 'critical' }); // the findings are high.

    expect(run.exitCode).toBe(0);
    expect(run.failures).toEqual([]);
    expect(run.annotations.map((a) => a.command)).toEqual(['warning', 'warning']);
    expect(run.commands.some((c) => c.command === 'error')).toBe(false);
    expect(run.outputs['highest-severity']).toBe('high');
  });

  test('the branch is rewritten without the tokens: the comment is marked resolved, once', async () => {
    world.git('reset', '-q', '--hard', world.base);
    const head3 = world.commit({ 'src/app.js': 'console.log("hello");\n' }, 'clean');
    const before = double.writes().length;
    const run = await pr(head3, { 'fail-on': 'medium' });

    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.outputs).toMatchObject({ findings: '0', 'highest-severity': 'none' });
    expect(run.summary).toContain('No credentials found.');
    const writes = double.writes().slice(before);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.method).toBe('PATCH');
    expect(writes[0]!.body!.body).toContain('<!-- tokenscope -->');
    expect(writes[0]!.body!.body).toContain(`✅ **Resolved**: as of \`${head3.slice(0, 7)}\``);

    // Another clean push: already resolved, nothing to write.
    const again = await pr(head3);
    expect(again.exitCode).toBe(0);
    expect(double.writes().length).toBe(before + 1);
  });

  test('comment: false writes nothing to the pull request', async () => {
    world.git('reset', '-q', '--hard', world.base);
    const head = world.commit({ '.env': `GH_TOKEN=${githubToken()}\n` }, 'again');
    const calls = double.calls.length;
    const run = await pr(head, { comment: 'false' });
    expect(run.outputs['findings']).toBe('1');
    expect(double.calls.length).toBe(calls);
  });
});
