import { describe, expect, test } from '@jest/globals';
import { maskableParts, worthMasking } from '../../src/action/secrets.js';
import { Secret } from '../../src/core/secret.js';
import { offlinePullRequest } from './harness.js';

/**
 * A pull request chooses what a database URL's password is. Registered as a runner mask, a common
 * word would be blanked out of every later line of the job (a reviewer reading "***: 3 findings").
 * Only values with the shape and entropy of a secret become masks.
 */
const WORDS = ['critical', 'Critical', 'CRITICAL', 'warning:', 'failures', 'error404', '2026-12-01', '10.0.0.254'];

describe('worthMasking', () => {
  test.each(WORDS)('%s is not a mask', (word) => {
    expect(worthMasking(word)).toBe(false);
  });

  test.each([
    'Xk9p2Lq7',
    'Passw0rd',
    's3cr@tpass',
    'KNfLsp66LBgKFhfiD7mz',
    'Xk9p2Lq7@Zt4mW8vR3nB6',
    '8231-4471-9902-0017',
  ])('%s is a mask', (secret) => {
    expect(worthMasking(secret)).toBe(true);
  });

  test("a URL's word-shaped password is dropped, the URL itself kept", () => {
    expect(maskableParts(new Secret('postgres://app:critical@db.internal:5432/app', 'url'))).toEqual([
      'postgres://app:critical@db.internal:5432/app',
    ]);
  });
});

test('a PR adding database URLs whose passwords are common words registers none of the words as masks', async () => {
  const { masks } = await offlinePullRequest(
    Object.fromEntries(
      WORDS.map((w, i) => [`config/db${i}.env`, `DATABASE_URL=postgres://app:${w}@db${i}.internal:5432/app\n`]),
    ),
  );
  // Each URL was found (its whole form is a mask), none of the words is.
  for (const [i, w] of WORDS.entries()) expect(masks).toContain(`postgres://app:${w}@db${i}.internal:5432/app`);
  for (const w of WORDS) expect(masks).not.toContain(w);
});
