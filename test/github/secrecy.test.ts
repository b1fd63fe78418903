import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createGithubClient } from '../../providers/github/client.js';
import { scrub } from '../../src/core/scrub.js';
import { Secret } from '../../src/core/secret.js';
import { GithubDouble } from './double.js';
import { contextFor, fastTuning, inspectAgainst, type LogLine } from './harness.js';
import { makePlans } from './plans.js';
import { credentialFor, ghToken } from './tokens.js';

const plans = makePlans();
const echoed = ghToken('ghp');
// GitHub (or a proxy in front of it) repeating the token in an error message.
plans['echo'] = { token: echoed, failure: { mode: 'forbidden', message: `token ${echoed} is not authorized for SSO` } };
const double = new GithubDouble(plans);
beforeAll(() => double.start());
afterAll(() => double.stop());

test('no inspection result, reason or log line carries the raw token', async () => {
  const allLogs: LogLine[] = [];
  for (const plan of Object.values(plans)) {
    const { inspection, log } = await inspectAgainst(double, credentialFor(plan.token));
    allLogs.push(...log);
    expect(JSON.stringify(inspection)).not.toContain(plan.token);
    expect(inspect(inspection, { depth: 10 })).not.toContain(plan.token);
    for (const line of log) expect(line.message).not.toContain(plan.token);
  }
  // Not vacuous: Octokit logged its requests (options at debug, outcomes at info and error).
  expect(allLogs.some((l) => l.level === 'info' && l.message.startsWith('GET /user'))).toBe(true);
  expect(allLogs.some((l) => l.level === 'error')).toBe(true);
});

test('whatever Octokit or a plugin logs passes through the scrubber on its way out', async () => {
  const token = plans['classicBroad']!.token;
  const credential = credentialFor(token);
  const log: LogLine[] = [];
  const ctx = contextFor(double);
  const octokit = createGithubClient(token, ctx, fastTuning(log), (s) => scrub(s, credential));
  octokit.log.warn('retrying with', { headers: { authorization: `token ${token}` } });
  (octokit.log.error as (...parts: unknown[]) => void)(new Error(`bad token ${token}`));
  expect(log.map((l) => l.level)).toEqual(['warn', 'error']);
  expect(log[0]!.message).toContain(`token ${credential.secret.redacted}`);
  expect(log[1]!.message).toBe(`bad token ${credential.secret.redacted}`);
});

test('a token that GitHub echoes in an error message is redacted in the reason', async () => {
  const { inspection } = await inspectAgainst(double, credentialFor(echoed));
  expect(inspection.verification).toBe('unverified');
  expect(inspection.reason).toContain(new Secret(echoed).redacted);
  expect(inspection.reason).not.toContain(echoed);
});

test("Octokit's own errors keep the token out of their message and request headers", async () => {
  const token = plans['revoked']!.token;
  const ctx = contextFor(double);
  const error = (await createGithubClient(token, ctx, fastTuning([]), (s) => s)
    .request('GET /user')
    .catch((e: unknown) => e)) as Error & { request?: unknown };
  expect(error).toBeInstanceOf(Error);
  expect(error.message).not.toContain(token);
  expect(String(error.stack)).not.toContain(token);
  expect(JSON.stringify(error.request)).not.toContain(token);
});
