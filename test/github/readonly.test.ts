import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createGithubClient } from '../../providers/github/client.js';
import { GithubDouble } from './double.js';
import { contextFor, fastTuning, inspectAgainst } from './harness.js';
import { makePlans } from './plans.js';
import { credentialFor } from './tokens.js';

const plans = makePlans();
const double = new GithubDouble(plans);
beforeAll(() => double.start());
afterAll(() => double.stop());

test('every request the inspector sends, for every kind of token and failure, is GET or HEAD', async () => {
  const sent: string[] = [];
  for (const plan of Object.values(plans)) {
    const { http } = await inspectAgainst(double, credentialFor(plan.token));
    sent.push(...http.sent.map((r) => r.method));
  }
  const received = double.calls.map((c) => c.method);
  // Not vacuous: every plan but the refresh token reached the double, most more than once.
  expect(received.length).toBeGreaterThan(Object.keys(plans).length);
  expect(new Set(received)).toEqual(new Set(['GET']));
  expect(new Set(sent)).toEqual(new Set(['GET']));
  expect(double.problems).toEqual([]);
});

test('the Octokit it builds cannot send a write: the read-only door refuses it before the network', async () => {
  const token = plans['classicBroad']!.token;
  const ctx = contextFor(double);
  const octokit = createGithubClient(token, ctx, fastTuning([]), (s) => s);
  const before = double.calls.length;
  await expect(octokit.request('DELETE /repos/{owner}/{repo}', { owner: 'acme', repo: 'svc-1' })).rejects.toThrow(
    /refused a DELETE request .*read-only/,
  );
  await expect(octokit.request('POST /user/repos', { name: 'x' })).rejects.toThrow(/read-only/);
  expect(double.calls.length).toBe(before);
  expect(ctx.http.sent).toEqual([]);
});

test('the token goes only to the configured endpoint: another origin is refused, unsent', async () => {
  const before = double.calls.length;
  const { inspection, http } = await inspectAgainst(
    double,
    credentialFor(plans['classicBroad']!.token),
    {},
    {
      endpoint: 'http://127.0.0.1:9/api/v3',
    },
  );
  expect(inspection.verification).toBe('error');
  expect(inspection.reason).toMatch(/not a configured provider endpoint/);
  expect(double.calls.length).toBe(before);
  expect(http.sent).toEqual([]);
});
