import { expect } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import type { RuleSpec } from '../../src/core/rule.js';
import type { CompiledRule } from '../../src/detect/compile.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

/**
 * The built-in rules, and two detectors over them for equivalence tests: `fast` as the scan runs
 * them (trusted rules take every shortcut), and `reference`, which marks every rule as a config
 * rule (no guard given): those take none of the shortcuts (no context windows, no skipped
 * keyword hits), so what it finds is what the straightforward path finds.
 */
export const rules = loadRules(PROVIDERS);
export const fast = new Detector(loadRules(PROVIDERS), PROVIDERS);
export const reference = new Detector(
  loadRules(PROVIDERS),
  PROVIDERS,
  undefined,
  rules.map((r) => r.spec.id),
);

/** What a detector finds in a file's bytes, one line per candidate (rule, place, secret), sorted. */
export const view = (d: Detector, text: string) =>
  d
    .scanBytes(Buffer.from(text), { path: 'src/app.ts', source: 'tracked' })
    .map((c) => `${c.ruleId} ${c.location.line}:${c.location.column} ${c.secret.reveal()}`)
    .sort();

/**
 * For each example of each rule that holds the rule's keyword, the texts `variants` makes of it
 * (given where the keyword starts): `fast` must find in each what `reference` finds. Returns how
 * many texts were compared.
 */
export function compareAroundKeyword(
  ruleList: CompiledRule[],
  variants: (example: string, at: number, keyword: string) => string[],
): number {
  let compared = 0;
  for (const rule of ruleList) {
    const keyword = rule.spec.keywords[0]!;
    for (const example of [...rule.spec.examples.truePositives, ...rule.spec.examples.falsePositives]) {
      const at = example.indexOf(keyword);
      if (at === -1) continue;
      for (const text of variants(example, at, keyword)) {
        expect([rule.spec.id, text, view(fast, text)]).toEqual([rule.spec.id, text, view(reference, text)]);
        compared++;
      }
    }
  }
  return compared;
}

/**
 * `clean` (code full of the rule's keyword) gives nothing, and the rule's first true positive on
 * the line after it is found as the reference finds it.
 */
export function expectKeywordNoiseSkipped(clean: string, ruleId: string): void {
  expect(view(fast, clean)).toEqual([]);
  const tp = rules.find((r) => r.spec.id === ruleId)!.spec.examples.truePositives[0]!;
  const both = `${clean}${tp}\n`;
  expect(view(fast, both)).toEqual(view(reference, both));
  expect(view(fast, both).some((v) => v.startsWith(`${ruleId} 2:`))).toBe(true);
}

/** A line-scoped rule with one exact keyword and `regex`, for tests of what is read from a regex. */
export const ruleSpec = (keyword: string, regex: string, extra: Partial<RuleSpec> = {}): RuleSpec =>
  ({
    id: 't',
    provider: 't',
    kind: 'token',
    description: 't',
    confidence: 'high',
    keywords: [keyword],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex,
    examples: { truePositives: [], falsePositives: [] },
    ...extra,
  }) as RuleSpec;

/** The ASCII characters a byte table allows, in order. */
export const tableChars = (table: Uint8Array) =>
  [...table.keys()]
    .filter((b) => table[b] === 1)
    .map((b) => String.fromCharCode(b))
    .join('');
