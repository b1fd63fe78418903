import { describe, expect, it } from '@jest/globals';
import { checkSync } from 'recheck';
import { PROVIDERS } from '../../providers/registry.js';

/**
 * recheck's fuzzer is seeded (randomSeed 0), but its search also stops on clocks: on a busy machine
 * it took other paths and once called a bounded path segment (`[A-Za-z0-9_./-]{1,200}`, O(n·200),
 * 1.5 MB in 40 ms) polynomial. With only its step limits it answers the same on every machine; the
 * overall limit stays, and running out of it fails the test (it is no verdict).
 */
const CHECK = {
  timeout: 120_000,
  incubationTimeout: null,
  seedingTimeout: null,
  attackTimeout: null,
  recallTimeout: null,
} as const;

// Every built-in regex must run in linear time whatever the input: a scanned file is untrusted.
describe('no rule regex can backtrack catastrophically (recheck)', () => {
  for (const rule of PROVIDERS.flatMap((p) => p.rules)) {
    it(rule.id, () => {
      const result = checkSync(rule.regex, rule.flags ?? '', CHECK);
      expect({ rule: rule.id, status: result.status }).toEqual({ rule: rule.id, status: 'safe' });
      const context = rule.context
        ? [rule.context.pattern, rule.context.pathPattern, rule.context.excludeNames].filter((p) => p !== undefined)
        : [];
      for (const pattern of context) {
        const ctx = checkSync(pattern, 'i', CHECK);
        expect({ rule: `${rule.id} context`, pattern, status: ctx.status }).toEqual({
          rule: `${rule.id} context`,
          pattern,
          status: 'safe',
        });
      }
    });
  }
});
