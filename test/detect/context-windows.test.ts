import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { contextWindow } from '../../src/detect/compile.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

/**
 * Context rules that run on windows around their keywords find exactly what they find when run
 * over the whole text. The reference detector marks every rule as a config rule (no guard given):
 * those never run on windows.
 */
const rules = loadRules(PROVIDERS);
const windowed = rules.filter((r) => contextWindow(r.spec) !== undefined);
const fast = new Detector(loadRules(PROVIDERS), PROVIDERS);
const reference = new Detector(
  loadRules(PROVIDERS),
  PROVIDERS,
  undefined,
  rules.map((r) => r.spec.id),
);

const FILLER = [
  'const value = compute(input);',
  '// nothing to see here',
  '  return result.map((x) => x * 2);',
  'export default config;',
  '',
];

/** The example placed among filler lines, at several distances from a copy of its own first line. */
function worlds(example: string, seed: number): string[] {
  const out: string[] = [];
  for (let gap = 0; gap <= 6; gap++) {
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) lines.push(FILLER[(i + seed) % FILLER.length]!);
    lines.splice(10, 0, example);
    // The first line of a multi-line example alone, `gap` lines further on: context without a match.
    lines.splice(11 + gap, 0, example.split('\n')[0]!);
    out.push(lines.join('\n'));
  }
  return out;
}

const view = (d: Detector, text: string, asBytes: boolean) =>
  (asBytes
    ? d.scanBytes(Buffer.from(text), { path: 'src/app.ts', source: 'tracked' })
    : d.scan({ text, path: 'src/app.ts', source: 'tracked' })
  )
    .map((c) => `${c.ruleId} ${c.location.line}:${c.location.column} ${c.secret.reveal()}`)
    .sort();

describe('context rules on windows around their keywords', () => {
  it('some built-in rules qualify, so the comparison below means something', () => {
    expect(windowed.length).toBeGreaterThan(5);
  });

  it('find what the whole-text run finds, on bytes and on text, for every example of every such rule', () => {
    let compared = 0;
    windowed.forEach((rule, k) => {
      const examples = [...rule.spec.examples.truePositives, ...rule.spec.examples.falsePositives];
      for (const example of examples) {
        for (const text of worlds(example, k)) {
          for (const asBytes of [true, false]) {
            expect([rule.spec.id, view(fast, text, asBytes)]).toEqual([rule.spec.id, view(reference, text, asBytes)]);
            compared++;
          }
        }
      }
    });
    expect(compared).toBeGreaterThan(100);
  });
});
