import { describe, expect, it } from '@jest/globals';
import type { RuleSpec } from '../../src/core/rule.js';
import { keywordBoundary, keywordFollow } from '../../src/detect/compile.js';
import { compareAroundKeyword, expectKeywordNoiseSkipped, ruleSpec, rules, tableChars } from './reference-detectors.js';

/**
 * Prefix rules skip keyword hits not followed by what their regex needs right after the keyword
 * (`path` for Airtable's `pat[A-Za-z0-9]{14}\.`), and find exactly what they found before: the
 * reference detector takes no such shortcut (see reference-detectors.ts).
 */
const followed = rules.filter((r) => keywordFollow(r.spec) !== undefined);

const spec = (regex: string, extra: Partial<RuleSpec> = {}) => ruleSpec('tok_', regex, extra);

const allowedChars = (f: { allowed: Uint8Array }) => tableChars(f.allowed);

describe('what must follow a keyword', () => {
  it('is read from the regex: the class as the regex reads it, the count, and a literal after an exact count', () => {
    const airtable = keywordFollow(rules.find((r) => r.spec.id === 'airtable-pat')!.spec)!;
    expect([allowedChars(airtable), airtable.count, airtable.after]).toEqual([
      '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
      14,
      '.'.charCodeAt(0),
    ]);
    const f = (regex: string, extra?: Partial<RuleSpec>) => keywordFollow(spec(regex, extra));
    expect(f('\\b(?<secret>tok_[a-f0-9]{40,})\\b')).toMatchObject({ count: 40 });
    expect(f('\\b(?<secret>tok_[a-f0-9]{40,})\\b')!.after).toBeUndefined();
    expect(f('\\b(?<secret>tok_[a-z]+-x)')).toMatchObject({ count: 1 });
    expect(f('\\b(?<secret>tok_[a-z]+-x)')!.after).toBeUndefined();
    expect(f('\\b(?<secret>tok_[A-Z]{3}_[a-z]{9})')).toMatchObject({ count: 3, after: '_'.charCodeAt(0) });
    // Ranges of punctuation are read as the regex reads them: `+-/` is `+`, `,`, `-`, `.`, `/`.
    expect(allowedChars(f('\\b(?<secret>tok_[+-/]{4})')!)).toBe('+,-./');
    expect(allowedChars(f('\\b(?<secret>tok_[\\d\\-]{4})')!)).toBe('-0123456789');
    // A count past 64 is checked for its first 64 bytes, and nothing after.
    expect(f('\\b(?<secret>tok_[a-z]{100}\\.x)')).toMatchObject({ count: 64 });
    expect(f('\\b(?<secret>tok_[a-z]{100}\\.x)')!.after).toBeUndefined();
  });

  it('is not read where a byte could not say what the regex says', () => {
    const none = (regex: string, extra?: Partial<RuleSpec>) =>
      expect(keywordFollow(spec(regex, extra))).toBeUndefined();
    none('\\b(?<secret>tok_[^ ]{10})'); // negated: any other character, in any number of bytes
    none('\\b(?<secret>tok_[\\s\\S]{10})'); // \s matches spaces beyond ASCII
    none('\\b(?<secret>tok_[a-zé]{10})'); // a character of two bytes
    none('\\b(?<secret>tok_[\\u0041-\\u005a]{10})');
    none('\\b(?<secret>tok_[a-z]{0,10})'); // may be empty
    none('\\b(?<secret>tok_[a-z]*)');
    none('\\b(?<secret>tok_(?:[a-z]{10}))');
    none('\\b(?<secret>tok_.{10})');
    none('\\b(?<secret>tok_[a-z]{10})', { flags: 'i' });
    none('\\b(?<secret>tok_[a-z]{10})', { keywordsCaseSensitive: false });
    none('\\b(?<secret>tok_[a-z]{10})', { keywordScope: 'fragment' });
    none('\\b(?<secret>tok_[a-z]{10})|\\b(?<other>x)');
    none('\\b(?<secret>tak_[a-z]{10})'); // the regex does not open with the keyword
    // An alternation in the secret's own group: a match need not go on as the keyword's branch says.
    none('\\b(?<secret>tok_[a-z]{10}|tok_[0-9]{4}|[0-9a-f]{40})');
    expect(keywordBoundary(spec('\\b(?<secret>tok_[a-z]{10}|[0-9a-f]{40})'))).toBeUndefined();
    // Deeper, or after the group, an alternation changes nothing here.
    expect(keywordFollow(spec('\\b(?<secret>tok_[a-z]{10}(?:-[0-9]|x)?)'))).toMatchObject({ count: 10 });
    expect(keywordFollow(spec('\\b(?<secret>tok_[a-z]{10})(?:\\b|$)'))).toMatchObject({ count: 10 });
    expect(keywordBoundary(spec('\\b(?<secret>tok_[a-z]{10})(?:\\b|$)'))).toBeDefined();
  });

  it('many built-in rules qualify', () => {
    expect(followed.length).toBeGreaterThan(80);
  });

  it('find what every rule found before, whatever follows the keyword: cut short, other characters, two-byte ones, the end of the file', () => {
    const compared = compareAroundKeyword(followed, (example, at, keyword) => {
      const after = at + keyword.length;
      const texts = [example, `${example}\n${example.slice(0, -1)}`, example.slice(0, after + 3)];
      // Each character of the first 70 after the keyword replaced, one at a time.
      for (let k = after; k < Math.min(example.length, after + 70); k++)
        for (const c of [' ', '.', '_', '-', 'é', 'Z', '0', 'a'])
          texts.push(`${example.slice(0, k)}${c}${example.slice(k + 1)}`);
      // The token as the last bytes of the file, whole and cut one short.
      texts.push(`x = ${example.slice(at)}`, `x = ${example.slice(at, -1)}`);
      return texts;
    });
    expect(compared).toBeGreaterThan(10_000);
  });

  it('finds nothing in words that begin with the keyword, and the token on the next line as before', () => {
    // Airtable's keyword in code: nothing after it looks like a token id, so no rule runs.
    expectKeywordNoiseSkipped('const pathToFile = path.join(pattern, patch);\n', 'airtable-pat');
  });
});
