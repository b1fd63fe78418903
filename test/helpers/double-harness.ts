import { afterAll, beforeAll } from '@jest/globals';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Provider } from '../../src/core/provider.js';
import type { Finding, Inspection } from '../../src/core/types.js';
import { doubleContext, foundCredential, type Place } from './found.js';
import { ANSWER_TIMEOUT_MS } from './hosting-suites.js';

interface Double {
  start(): Promise<string>;
  stop(): Promise<void>;
  requests: { token?: string; method: string; path: string }[];
}

/**
 * A provider's double for one describe block (started before, stopped after), and the three
 * questions its tests ask: inspect a named token, assess it as found at a place, and what it sent.
 */
export function useDouble<D extends Double, N extends string>(
  provider: Provider,
  double: D,
  tokens: Record<N, string>,
) {
  let url = '';
  beforeAll(async () => {
    url = await double.start();
  });
  afterAll(() => double.stop());
  const rule = provider.rules[0]!;
  const credential = (name: N, place: Place = {}) =>
    foundCredential(provider.id, rule.id, rule.kind, tokens[name], { source: 'tracked', ...place });
  return {
    double,
    tokens,
    inspect: (name: N): Promise<Inspection> =>
      provider.inspect!(credential(name), doubleContext(provider, url, DEFAULT_POLICY, ANSWER_TIMEOUT_MS)),
    finding: async (name: N, place: Place): Promise<Finding> => {
      const c = credential(name, place);
      return assess(
        c,
        await provider.inspect!(c, doubleContext(provider, url, DEFAULT_POLICY, ANSWER_TIMEOUT_MS)),
        provider,
        DEFAULT_POLICY,
      );
    },
    requestsOf: (name: N) => double.requests.filter((r) => r.token === tokens[name]) as D['requests'],
  };
}
