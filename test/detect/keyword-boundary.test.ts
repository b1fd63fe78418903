import { describe, expect, it } from '@jest/globals';
import { keywordBoundary } from '../../src/detect/compile.js';
import { fast, reference, rules, view } from './reference-detectors.js';

/**
 * Prefix rules skip keyword hits inside a longer word (`...4bfc-...`), and find exactly what they
 * found before. The reference detector marks every rule as a config rule (no guard given): those
 * never skip a hit.
 */
const bounded = rules.filter((r) => keywordBoundary(r.spec) !== undefined);

describe('prefix rules skip keyword hits inside longer words', () => {
  it('many built-in rules qualify, and rules with a context or a case-folded keyword do not', () => {
    expect(bounded.length).toBeGreaterThan(50);
    for (const r of bounded) {
      expect(r.spec.context).toBeUndefined();
      expect(r.spec.keywordsCaseSensitive).toBe(true);
    }
  });

  it('find what every rule found before, with the token glued to words, ids and punctuation around it', () => {
    let compared = 0;
    for (const rule of bounded) {
      for (const example of [...rule.spec.examples.truePositives, ...rule.spec.examples.falsePositives]) {
        const keyword = rule.spec.keywords[0]!;
        const texts = [
          example,
          // The keyword also inside a longer word on the same line, before and after the token.
          `id=4b${keyword}x ${example} tail=ab${keyword}`,
          `${example.replace(keyword, `9f${keyword}`)}`,
          `x_${example}`,
          `-${example}`,
          `"${example}"`,
          `(${example})\nnext ${keyword}${keyword}`,
        ];
        for (const text of texts) {
          expect([rule.spec.id, text, view(fast, text)]).toEqual([rule.spec.id, text, view(reference, text)]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
