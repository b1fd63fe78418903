import { describe, expect, it } from '@jest/globals';
import { parse } from 'smol-toml';
import { convertGitleaks } from '../../src/config/gitleaks/rules.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

const TOML = `
[[rules]]
id = "Internal.Session-Secret"
regex = '''sess-([0-9a-f]{16})'''
entropy = 2.5
tags = ["internal"]

  [[rules.allowlists]]
  condition = "AND"
  commits = ["ABCDEF12"]
  paths = ['''(?i)^TESTS/''']

[allowlist]
targetRules = ["other"]
stopwords = ["never"]
`;

describe('gitleaks rules as tokenscope rules', () => {
  const [spec] = convertGitleaks(parse(TOML) as Record<string, unknown>, 'acme');

  it('ids are prefixed with the provider (copies of gitleaks rules cannot clash with built-in ids)', () => {
    const twice = parse(`[[rules]]\nid = "github-pat"\nregex = 'x(y)'\n[[rules]]\nid = "GitHub_PAT"\nregex = 'x(y)'\n`);
    expect(() => convertGitleaks(twice as Record<string, unknown>, 'gitleaks')).toThrow(
      'rule "GitHub_PAT": field "id" is used twice (as gitleaks-github-pat)',
    );
    const [one] = convertGitleaks(
      parse(`[[rules]]\nid = "github-pat"\nregex = 'x(y)'\n`) as Record<string, unknown>,
      'gitleaks',
    );
    expect(one!.id).toBe('gitleaks-github-pat');
  });

  it('keeps id, entropy, allowlists (an allowlist aimed at another rule is left out)', () => {
    expect(spec).toEqual({
      id: 'acme-internal-session-secret',
      provider: 'acme',
      kind: 'Internal.Session-Secret',
      description: 'gitleaks rule acme-internal-session-secret',
      keywords: [],
      regex: 'sess-(?<secret>[0-9a-f]{16})',
      entropy: 2.5,
      allow: [{ condition: 'and', commits: ['abcdef12'], paths: [{ regex: '^TESTS/', flags: 'i' }] }],
      confidence: 'context',
      examples: { truePositives: [], falsePositives: [] },
    });
  });

  it('a rule without keywords runs on every fragment; an AND allowlist needs all its criteria', () => {
    const detector = new Detector(loadRules([], [spec!], 'config'));
    const text = 'x = sess-9f3a1c77e02b4d58\n';
    const found = (path: string, commit?: string) =>
      detector.scan({ text, path, source: commit ? 'history' : 'untracked', ...(commit ? { commit } : {}) }).length;
    expect(found('src/a.txt')).toBe(1);
    expect(found('tests/a.txt')).toBe(1); // the path alone is not enough
    expect(found('tests/a.txt', `abcdef12${'0'.repeat(32)}`)).toBe(0);
    expect(found('src/a.txt', `abcdef12${'0'.repeat(32)}`)).toBe(1);
  });
});
