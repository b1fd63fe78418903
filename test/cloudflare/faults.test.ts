import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cloudflare } from '../../providers/cloudflare/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { inspectAll } from '../../src/inspect/run.js';
import { CfDouble } from './double.js';
import { cfCredential } from './helpers.js';
import { type TokenName, testWorld } from './world.js';

// A Cloudflare that rate limits, fails, talks nonsense or hangs costs a credential its
// verification, never the finding and never the run.
describe('Cloudflare faults, through inspectAll', () => {
  const t = testWorld();
  let double: CfDouble;
  let inspections: Map<string, Inspection>;
  const credentials = new Map<TokenName, Credential>();
  const faults: TokenName[] = ['rateLimited', 'serverError', 'malformed', 'nonsense', 'hang'];

  beforeAll(async () => {
    double = new CfDouble(t.world);
    const url = await double.start();
    for (const f of faults) credentials.set(f, cfCredential(t.tokens[f], { path: 'deploy/.env' }));
    ({ inspections } = await inspectAll([...credentials.values()], new Map([['cloudflare', cloudflare]]), {
      offline: false,
      endpoints: { cloudflare: new URL(url) },
      policy: DEFAULT_POLICY,
      concurrency: 5,
      budgetMs: 20_000,
      http: { timeoutMs: 500 },
    }));
  });
  afterAll(() => double.stop());

  const of = (name: TokenName) => inspections.get(credentials.get(name)!.fingerprint)!;

  it('429 past the retries is unverified; a 5xx is an error; each with the reason', () => {
    expect(of('rateLimited')).toMatchObject({
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 3 attempt(s); Retry-After 0s',
    });
    expect(of('serverError')).toMatchObject({
      verification: 'error',
      reason: 'server error (HTTP 502) after 3 attempt(s)',
    });
  });

  it('malformed JSON, JSON that is no API envelope and a hang are errors, with the reason', () => {
    expect(of('malformed')).toMatchObject({
      verification: 'error',
      reason: 'Cloudflare answered HTTP 200 with a body that is not JSON',
    });
    expect(of('nonsense')).toMatchObject({
      verification: 'error',
      reason: 'Cloudflare answered /user/tokens/verify with JSON that is not its API envelope',
    });
    expect(of('hang')).toMatchObject({ verification: 'error', reason: 'no answer within 500 ms' });
  });

  it('keeps every finding, and no reason holds a token', () => {
    for (const name of faults) {
      expect(assess(credentials.get(name)!, of(name), cloudflare, DEFAULT_POLICY).risks.map((r) => r.id)).toEqual([
        'uninspected-credential',
      ]);
      expect(JSON.stringify(of(name))).not.toContain(t.tokens[name]);
    }
  });
});
