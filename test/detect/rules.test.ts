import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

// Every rule carries its own samples; this one loop runs them all. Combining (AWS pairing) is
// left out so that each rule's own matches are what is checked.
const rules = loadRules(PROVIDERS);
const detector = new Detector(rules);

const scan = (text: string) => detector.scan({ text, path: 'sample.txt', source: 'untracked' });

describe('rule examples', () => {
  it('has at least 20 token kinds', () => {
    expect(new Set(rules.map((r) => `${r.spec.provider}/${r.spec.kind}`)).size).toBeGreaterThanOrEqual(20);
  });

  // The schema lets a rule converted from a gitleaks file have neither; a built-in one has both.
  it.each(rules.map((r) => r.spec.id))('%s has keywords and a true positive', (id) => {
    const { spec } = rules.find((r) => r.spec.id === id)!;
    expect(spec.keywords.length).toBeGreaterThan(0);
    expect(spec.examples.truePositives.length).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    describe(rule.spec.id, () => {
      rule.spec.examples.truePositives.forEach((sample, i) => {
        it(`finds true positive #${i + 1}`, () => {
          expect(scan(sample).map((c) => c.ruleId)).toContain(rule.spec.id);
        });
      });
      rule.spec.examples.falsePositives.forEach((sample, i) => {
        it(`ignores false positive #${i + 1}`, () => {
          expect(scan(sample).map((c) => c.ruleId)).not.toContain(rule.spec.id);
        });
      });
    });
  }
});
