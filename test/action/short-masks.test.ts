import { expect, test } from '@jest/globals';
import { pullRequestEvent, runAction, World } from './harness.js';

test('a PR adding postgres://a:FAILED@x does not make the runner mask the word FAILED', async () => {
  const world = new World();
  const url = 'postgres://a:FAILED@db.internal:5432/app';
  const head = world.commit({ '.env': `DATABASE_URL=${url}\n` }, 'db');
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { verify: 'false', comment: 'false' },
  });
  const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
  // The URL was found (its long form is masked), but not its six-letter password.
  expect(masks).toContain(url);
  expect(masks).not.toContain('FAILED');
  expect(masks.every((m) => m.length >= 8)).toBe(true);
});
