import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { railway } from '../../providers/railway/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { inspectAll } from '../../src/inspect/run.js';
import { RailwayDouble } from './double.js';
import { railwayCredential } from './helpers.js';
import { type TestWorld, type TokenName, testWorld } from './world.js';

// A Railway that is slow, rate limiting or talking nonsense must cost a credential its
// verification, never the finding and never the run.
describe('Railway faults, through inspectAll', () => {
  let t: TestWorld;
  let double: RailwayDouble;
  let inspections: Map<string, Inspection>;
  const credentials = new Map<TokenName, Credential>();
  const faults: TokenName[] = ['rateLimited', 'rateLimitedLong', 'malformed', 'nonsense', 'hang'];

  beforeAll(async () => {
    t = testWorld();
    double = new RailwayDouble(t.world);
    const url = await double.start();
    for (const f of faults)
      credentials.set(f, railwayCredential(t.tokens[f], { path: 'deploy/.env', source: 'tracked' }));
    ({ inspections } = await inspectAll([...credentials.values()], new Map([['railway', railway]]), {
      offline: false,
      endpoints: { railway: new URL(url) },
      policy: DEFAULT_POLICY,
      concurrency: 5,
      budgetMs: 20_000,
      http: { timeoutMs: 500 },
    }));
  });
  afterAll(() => double.stop());

  const of = (name: TokenName) => inspections.get(credentials.get(name)!.fingerprint)!;
  const requestsOf = (name: TokenName) => double.requests.filter((r) => r.token === t.tokens[name]);

  it('reports a token rate limited past its retries as unverified, with the reason', () => {
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
    expect(requestsOf('rateLimitedLong')).toHaveLength(1);
  });

  it('reports malformed JSON as an error, with the reason', () => {
    expect(of('malformed')).toEqual({
      verification: 'error',
      reason: 'Railway answered HTTP 200 with a body that is not JSON',
      scope: null,
    });
  });

  it('reports JSON that is no GraphQL answer as an error, with the reason', () => {
    expect(of('nonsense')).toEqual({
      verification: 'error',
      reason: 'Railway answered a GraphQL response without data or errors',
      scope: null,
    });
  });

  it('reports a request that hangs as an error once the request times out', () => {
    expect(of('hang')).toEqual({ verification: 'error', reason: 'no answer within 500 ms', scope: null });
  });

  it('keeps every finding, as an uninspected committed credential', () => {
    for (const name of faults) {
      const finding = assess(credentials.get(name)!, of(name), railway, DEFAULT_POLICY);
      expect(finding.risks.map((r) => r.id)).toEqual(['uninspected-credential']);
      expect(finding.severity).toBe('medium');
    }
  });

  it('puts no raw token in any reason', () => {
    for (const name of faults) expect(JSON.stringify(of(name))).not.toContain(t.tokens[name]);
  });
});
