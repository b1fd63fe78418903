import { describe, expect, it } from '@jest/globals';
import { checkSync } from 'recheck';
import { PROVIDERS } from '../../providers/registry.js';

// Every built-in regex must run in linear time whatever the input: a scanned file is untrusted.
describe('no rule regex can backtrack catastrophically (recheck)', () => {
  for (const rule of PROVIDERS.flatMap((p) => p.rules)) {
    it(rule.id, () => {
      const result = checkSync(rule.regex, rule.flags ?? '', { timeout: 20_000 });
      expect({ rule: rule.id, status: result.status }).toEqual({ rule: rule.id, status: 'safe' });
      const context = rule.context
        ? [rule.context.pattern, rule.context.pathPattern, rule.context.excludeNames].filter((p) => p !== undefined)
        : [];
      for (const pattern of context) {
        const ctx = checkSync(pattern, 'i', { timeout: 20_000 });
        expect({ rule: `${rule.id} context`, pattern, status: ctx.status }).toEqual({
          rule: `${rule.id} context`,
          pattern,
          status: 'safe',
        });
      }
    });
  }
});
