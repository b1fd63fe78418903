import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

/**
 * Scanning bytes decodes only the lines around keyword hits and numbers them afterwards (only
 * where something was found); scanning text runs every rule over all of it. Both must place every
 * candidate on the same line and column, whatever comes before it: multi-byte characters, CRLF
 * line ends, other hits, and a fragment that starts further down its file (history, ranges).
 */
const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);
const rules = loadRules(PROVIDERS);

const FILLER = ['const café = "naïve";\r', '// 日本語のコメント', '', 'return x;', '  ghp_ inside prose, not a token'];

const view = (found: ReturnType<Detector['scan']>) =>
  found.map((c) => `${c.ruleId} ${c.location.line}:${c.location.column} ${c.secret.reveal()}`).sort();

describe('candidates found on decoded lines are numbered as in the whole text', () => {
  it('for every example of every rule, at several depths, from a fragment starting at line 1 or further down', () => {
    let found = 0;
    rules.forEach((rule, k) => {
      for (const example of rule.spec.examples.truePositives) {
        for (const depth of [0, 1, 7, 40]) {
          const before = Array.from({ length: depth }, (_, i) => FILLER[(i + k) % FILLER.length]!);
          // The example twice, so two runs of lines are numbered in one fragment.
          const text = [...before, example, ...before.slice(0, 3), example, 'end'].join('\n');
          for (const firstLine of [undefined, 1, 58]) {
            const meta = { path: 'src/app.ts', source: 'tracked' as const, ...(firstLine ? { firstLine } : {}) };
            const fromBytes = view(detector.scanBytes(Buffer.from(text), meta));
            expect([rule.spec.id, depth, firstLine, fromBytes]).toEqual([
              rule.spec.id,
              depth,
              firstLine,
              view(detector.scan({ ...meta, text })),
            ]);
            found += fromBytes.length;
          }
        }
      }
    });
    expect(found).toBeGreaterThan(1000);
  });
});
