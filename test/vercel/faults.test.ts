import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { vercel } from '../../providers/vercel/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { inspectAll } from '../../src/inspect/run.js';
import { VercelDouble } from './double.js';
import { vercelCredential } from './helpers.js';
import { type TestWorld, type TokenName, testWorld } from './world.js';

// A Vercel that is slow, rate limiting, failing or talking nonsense costs a credential its
// verification, never the finding and never the run.
describe('Vercel faults, through inspectAll', () => {
  let t: TestWorld;
  let double: VercelDouble;
  let inspections: Map<string, Inspection>;
  const credentials = new Map<TokenName, Credential>();
  const faults: TokenName[] = [
    'rateLimited',
    'rateLimitedLong',
    'serverError',
    'malformed',
    'nonsense',
    'hang',
    'hangHalfway',
  ];

  beforeAll(async () => {
    t = testWorld();
    double = new VercelDouble(t.world);
    const url = await double.start();
    for (const f of faults)
      credentials.set(f, vercelCredential(t.tokens[f], { path: 'deploy/.env', source: 'tracked' }));
    ({ inspections } = await inspectAll([...credentials.values()], new Map([['vercel', vercel]]), {
      offline: false,
      endpoints: { vercel: new URL(url) },
      policy: DEFAULT_POLICY,
      concurrency: 7,
      budgetMs: 20_000,
      http: { timeoutMs: 500 },
    }));
  });
  afterAll(() => double.stop());

  const of = (name: TokenName) => inspections.get(credentials.get(name)!.fingerprint)!;
  const requestsOf = (name: TokenName) => double.requests.filter((r) => r.token === t.tokens[name]);

  it('a token rate limited past its retries is unverified, with the reason', () => {
    expect(of('rateLimited')).toEqual({
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 3 attempt(s); Retry-After 0s',
      scope: null,
    });
    expect(requestsOf('rateLimited')).toHaveLength(3);
  });

  it('gives up at once on a Retry-After longer than it will wait', () => {
    expect(of('rateLimitedLong')).toEqual({
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 1 attempt(s); Retry-After 3600s',
      scope: null,
    });
  });

  it('a 5xx past its retries is an error', () => {
    expect(of('serverError')).toEqual({
      verification: 'error',
      reason: 'server error (HTTP 500) after 3 attempt(s)',
      scope: null,
    });
  });

  it('malformed JSON and JSON of another shape are errors that say so', () => {
    expect(of('malformed')).toEqual({
      verification: 'error',
      reason: 'Vercel answered HTTP 200 with a body that is not JSON',
      scope: null,
    });
    expect(of('nonsense')).toEqual({
      verification: 'error',
      reason: 'unexpected answer from Vercel: token is not an object',
      scope: null,
    });
  });

  it('a hang, at once or half-way, is an error once the request times out', () => {
    expect(of('hang')).toEqual({ verification: 'error', reason: 'no answer within 500 ms', scope: null });
    expect(of('hangHalfway')).toEqual({ verification: 'error', reason: 'no answer within 500 ms', scope: null });
  });

  it('keeps every finding, as an uninspected committed credential', () => {
    for (const name of faults) {
      const finding = assess(credentials.get(name)!, of(name), vercel, DEFAULT_POLICY);
      expect(finding.risks.map((r) => r.id)).toEqual(['uninspected-credential']);
      expect(finding.severity).toBe('medium');
    }
  });

  it('puts no raw token in any reason', () => {
    for (const name of faults) expect(JSON.stringify(of(name))).not.toContain(t.tokens[name]);
  });
});
