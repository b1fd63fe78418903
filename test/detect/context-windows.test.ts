import { describe, expect, it } from '@jest/globals';
import { contextWindow, contextWords, foldedWindows } from '../../src/detect/compile.js';
import type { Detector } from '../../src/detect/engine.js';
import { fast, reference, rules } from './reference-detectors.js';

/**
 * Context rules that run on windows around their keywords find exactly what they find when run
 * over the whole text. The reference detector marks every rule as a config rule (no guard given):
 * those never run on windows.
 */
const windowed = rules.filter((r) => contextWindow(r.spec) !== undefined);

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

/** Each letter's case swapped: context found case-folded, keywords that must match as written. */
const swapCase = (s: string) =>
  s.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));

/**
 * The example with its case swapped, then its rule's keywords as written far below (they make
 * the rule run; only the swapped lines can be its context), and the same with the example as is
 * and the keywords' case swapped far above.
 */
function foldedWorlds(example: string, keywords: string[], seed: number): string[] {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => FILLER[(i + seed) % FILLER.length]!);
  return [
    [...filler(5), swapCase(example), ...filler(20), keywords.join(' ')].join('\n'),
    [keywords.map(swapCase).join(' '), ...filler(20), example, ...filler(3)].join('\n'),
    [swapCase(example), ...filler(8), example].join('\n'),
  ];
}

/** Paths that some rule's context.pathPattern names: in such a file the rule runs on all the text. */
const CONTEXT_PATHS = [
  '.railway/config.json',
  'home/.netrc',
  '.cargo/credentials.toml',
  'ngrok.yml',
  '.config/doctl/config.yaml',
  '.edgerc',
];

const view = (d: Detector, text: string, asBytes: boolean, path = 'src/app.ts') =>
  (asBytes ? d.scanBytes(Buffer.from(text), { path, source: 'tracked' }) : d.scan({ text, path, source: 'tracked' }))
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

  it('find what the whole-text run finds when the context is written in another case than the keywords', () => {
    const folded = windowed.filter((r) => foldedWindows(r.spec));
    expect(folded.map((r) => r.spec.id)).toContain('aws-secret-access-key-nearby');
    let compared = 0;
    folded.forEach((rule, k) => {
      for (const example of [...rule.spec.examples.truePositives, ...rule.spec.examples.falsePositives]) {
        for (const text of foldedWorlds(example, rule.spec.keywords, k)) {
          for (const asBytes of [true, false]) {
            expect([rule.spec.id, text, view(fast, text, asBytes)]).toEqual([
              rule.spec.id,
              text,
              view(reference, text, asBytes),
            ]);
            compared++;
          }
        }
      }
    });
    expect(compared).toBeGreaterThan(10);
  });

  it('find what the whole-text run finds in a file their context path names, where all of it is context', () => {
    const withPath = windowed.filter((r) => r.spec.context?.pathPattern);
    expect(withPath.map((r) => r.spec.id)).toContain('railway-token');
    let compared = 0;
    withPath.forEach((rule, k) => {
      const path = CONTEXT_PATHS.find((p) => rule.pathRe!.test(p));
      expect([rule.spec.id, path]).toEqual([rule.spec.id, expect.any(String)]);
      for (const example of [...rule.spec.examples.truePositives, ...rule.spec.examples.falsePositives]) {
        // The keyword far from the token: only the path makes it context.
        for (const text of [...worlds(example, k), `${rule.spec.keywords[0]}\n${FILLER.join('\n')}\n${example}`]) {
          for (const asBytes of [true, false]) {
            expect([rule.spec.id, view(fast, text, asBytes, path)]).toEqual([
              rule.spec.id,
              view(reference, text, asBytes, path),
            ]);
            compared++;
          }
        }
      }
    });
    expect(compared).toBeGreaterThan(20);
  });
});

describe('context rules whose context is words, in fragments without any of them', () => {
  const needing = fast.rules.filter((r) => r.needsContextWords);

  it('some built-in rules qualify, and only rules whose context pattern is words', () => {
    expect(needing.map((r) => r.spec.id)).toEqual(expect.arrayContaining(['akamai-edgegrid-client-secret']));
    for (const r of needing) expect(contextWords(r.spec)).toBeDefined();
  });

  it('find what the whole-text run finds: the words absent, far away, or only in the path', () => {
    let compared = 0;
    needing.forEach((rule, k) => {
      const words = contextWords(rule.spec)!;
      const strip = (text: string) =>
        words.reduce((t, w) => t.replace(new RegExp(w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'), 'gi'), 'zz'), text);
      const path = CONTEXT_PATHS.find((p) => rule.pathRe?.test(p));
      for (const example of [...rule.spec.examples.truePositives, ...rule.spec.examples.falsePositives]) {
        const far = [words[0], ...FILLER, ...FILLER, strip(example)].join('\n');
        for (const text of [...worlds(example, k), ...worlds(strip(example), k), far]) {
          for (const where of path ? ['src/app.ts', path] : ['src/app.ts']) {
            expect([rule.spec.id, text, view(fast, text, true, where)]).toEqual([
              rule.spec.id,
              text,
              view(reference, text, true, where),
            ]);
            compared++;
          }
        }
      }
    });
    expect(compared).toBeGreaterThan(50);
  });
});
