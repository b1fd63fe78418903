import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flyio } from '../../providers/flyio/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { inspectAll } from '../../src/inspect/run.js';
import { FlyDouble } from './double.js';
import { flyCredential } from './helpers.js';
import { type TestWorld, type TokenName, testWorld } from './world.js';

// A Fly.io that is slow, rate limiting, failing or talking nonsense costs a credential its
// verification, never the finding and never the run.
describe('Fly.io faults, through inspectAll', () => {
  let t: TestWorld;
  let double: FlyDouble;
  let inspections: Map<string, Inspection>;
  const credentials = new Map<TokenName, Credential>();
  const faults: TokenName[] = ['rateLimited', 'rateLimitedLong', 'serverError', 'malformed', 'nonsense', 'hang'];

  beforeAll(async () => {
    t = testWorld();
    double = new FlyDouble(t.world);
    const url = await double.start();
    for (const f of faults) credentials.set(f, flyCredential(t.tokens[f], { path: 'deploy/.env', source: 'tracked' }));
    ({ inspections } = await inspectAll([...credentials.values()], new Map([['flyio', flyio]]), {
      offline: false,
      endpoints: { flyio: new URL(url) },
      policy: DEFAULT_POLICY,
      concurrency: 6,
      budgetMs: 20_000,
      http: { timeoutMs: 500 },
    }));
  });
  afterAll(() => double.stop());

  const of = (name: TokenName) => inspections.get(credentials.get(name)!.fingerprint)!;

  it('a token rate limited past its retries is unverified, with the reason', () => {
    expect(of('rateLimited')).toMatchObject({
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 3 attempt(s); Retry-After 0s',
    });
    expect(double.requests.filter((r) => r.token === t.tokens.rateLimited)).toHaveLength(3);
  });

  it('gives up at once on a Retry-After longer than it will wait', () => {
    expect(of('rateLimitedLong')).toMatchObject({
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 1 attempt(s); Retry-After 3600s',
    });
  });

  it('a 5xx is an error, with the status', () => {
    expect(of('serverError')).toMatchObject({
      verification: 'error',
      reason: 'server error (HTTP 502) after 3 attempt(s)',
    });
  });

  it('malformed JSON and JSON that is no GraphQL answer are errors, with the reason', () => {
    expect(of('malformed')).toMatchObject({
      verification: 'error',
      reason: 'Fly.io answered HTTP 200 with a body that is not JSON',
    });
    expect(of('nonsense')).toMatchObject({
      verification: 'error',
      reason: 'Fly.io answered a GraphQL response without data or errors',
    });
  });

  it('a hang is an error once the request times out', () => {
    expect(of('hang')).toMatchObject({ verification: 'error', reason: 'no answer within 500 ms' });
  });

  it('keeps every finding, as an uninspected credential, and no reason holds a token', () => {
    for (const name of faults) {
      const finding = assess(credentials.get(name)!, of(name), flyio, DEFAULT_POLICY);
      expect(finding.risks.map((r) => r.id)).toEqual(['uninspected-credential']);
      expect(JSON.stringify(of(name))).not.toContain(t.tokens[name]);
    }
  });
});
