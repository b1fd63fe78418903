import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { githubToken } from '../helpers/tokens.js';

/** The keyword automaton a detector runs (private: read here to see whether two detectors share it). */
const automatonOf = (d: Detector) => (d as unknown as { automaton: object }).automaton;

/** A config rule with a keyword of its own (a secret after `acme_key=`). */
const acme = (keyword: string, id = `config-acme-${keyword.length}`): RuleSpec => ({
  id,
  provider: 'config-acme',
  kind: 'api key',
  description: 'Acme key',
  keywords: [keyword],
  examples: { truePositives: [], falsePositives: [] },
  regex: `${keyword.replaceAll('\0', '\\x00')}=(?<secret>[a-z0-9]{24})`,
});

describe('detectors over the same rules share one keyword automaton', () => {
  it("a second detector over the built-in rules reuses the first one's automaton, and finds the same", () => {
    const a = new Detector(loadRules(PROVIDERS), PROVIDERS);
    const b = new Detector(loadRules(PROVIDERS, [], 'rules', false));
    expect(automatonOf(b)).toBe(automatonOf(a));
    const text = `GITHUB_TOKEN=${githubToken()}\n`;
    const found = (d: Detector) => d.scan({ text, path: 'f.txt', source: 'untracked' }).map((c) => c.secret.reveal());
    expect(found(b)).toEqual(found(a));
    expect(found(a)).toHaveLength(1);
  });

  it('other keywords get an automaton of their own, which finds them', () => {
    const builtIn = new Detector(loadRules(PROVIDERS), PROVIDERS);
    const rule = acme('acme_key');
    const withConfig = new Detector(loadRules(PROVIDERS, [rule], 'config', false), PROVIDERS, undefined, [rule.id]);
    expect(automatonOf(withConfig)).not.toBe(automatonOf(builtIn));
    const text = 'acme_key=q7w3e9r1t5y8u2i6o4p0a3s7\n';
    expect(withConfig.scan({ text, path: 'f.txt', source: 'untracked' }).map((c) => c.secret.reveal())).toEqual([
      'q7w3e9r1t5y8u2i6o4p0a3s7',
    ]);
    expect(builtIn.scan({ text, path: 'f.txt', source: 'untracked' })).toEqual([]);
  });

  it('a keyword holding a separator cannot pass for another list of keywords', () => {
    // ["ab\0fcd"] and ["ab", "cd"] would join alike with a NUL between entries.
    const one = new Detector(loadRules([], [acme('ab\0fcd')], 'config', false));
    const two = new Detector(loadRules([], [acme('ab'), acme('cd', 'config-acme-cd')], 'config', false));
    expect(automatonOf(one)).not.toBe(automatonOf(two));
  });
});
