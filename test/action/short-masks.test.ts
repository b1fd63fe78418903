import { expect, test } from '@jest/globals';
import { offlinePullRequest } from './harness.js';

test('a PR adding postgres://a:FAILED@x does not make the runner mask the word FAILED', async () => {
  const url = 'postgres://a:FAILED@db.internal:5432/app';
  const { masks } = await offlinePullRequest({ '.env': `DATABASE_URL=${url}\n` });
  // The URL was found (its long form is masked), but not its six-letter password.
  expect(masks).toContain(url);
  expect(masks).not.toContain('FAILED');
  expect(masks.every((m) => m.length >= 8)).toBe(true);
});
