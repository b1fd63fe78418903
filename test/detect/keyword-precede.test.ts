import { describe, expect, it } from '@jest/globals';
import type { RuleSpec } from '../../src/core/rule.js';
import { keywordPrecede } from '../../src/detect/compile.js';
import { compareAroundKeyword, expectKeywordNoiseSkipped, ruleSpec, rules, tableChars } from './reference-detectors.js';

/**
 * Rules whose keyword sits after an exact run at the start of the secret (Mailchimp's
 * `[0-9a-f]{32}-us`) skip keyword hits without that run before them (`en-us`), and find exactly
 * what they found before: the reference detector takes no such shortcut.
 */
const preceded = rules.filter((r) => keywordPrecede(r.spec) !== undefined);

const spec = (regex: string, extra: Partial<RuleSpec> = {}) => ruleSpec('-tk', regex, extra);

const chars = tableChars;

describe('what must come before a keyword', () => {
  it('is read from the regex: the run before the keyword, its length, and the boundary before the run', () => {
    const mailchimp = keywordPrecede(rules.find((r) => r.spec.id === 'mailchimp-api-key')!.spec)!;
    expect([chars(mailchimp.allowed), mailchimp.count]).toEqual(['0123456789abcdef', 32]);
    expect(chars(mailchimp.before)).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    const newrelic = keywordPrecede(rules.find((r) => r.spec.id === 'newrelic-license-key')!.spec)!;
    expect([chars(newrelic.allowed), newrelic.count]).toEqual(['0123456789abcdef', 36]);
    expect(keywordPrecede(spec('(?<![A-Za-z0-9_-])(?<secret>[A-Z]{4}\\-tk[0-9]+)'))).toMatchObject({ count: 4 });
  });

  it('is not read where a byte could not say what the regex says', () => {
    const none = (regex: string, extra?: Partial<RuleSpec>) =>
      expect(keywordPrecede(spec(regex, extra))).toBeUndefined();
    none('(?<![a-z])(?<secret>[a-f]{8,}-tk)'); // not an exact run
    none('(?<![a-z])(?<secret>[a-f]{0}-tk)');
    none('(?<![a-z])(?<secret>[a-f]{65}-tk)'); // longer than is checked
    none('(?<![A-Za-z0-9])(?<secret>[^ ]{8}-tk)'); // negated
    none('(?<![A-Za-z0-9])(?<secret>[a-zé]{8}-tk)'); // a character of two bytes
    none('(?<![A-Za-z0-9])(?<secret>[a-f]{8}x-tk)'); // the keyword does not follow the run
    none('(?<![A-Za-z0-9])(?<secret>[a-f]{8}-tk|[0-9]{40})'); // an alternation in the secret
    none('(?<![A-Za-z0-9])(?<secret>[a-f]{8}-tk)', { flags: 'i' });
    none('(?<![A-Za-z0-9])(?<secret>[a-f]{8}-tk)', { keywordsCaseSensitive: false });
    none('(?<![A-Za-z0-9])(?<secret>[a-f]{8}-tk)', { keywordScope: 'fragment' });
    none('\\b(?<secret>[a-f.]{8}-tk)'); // \b before a run that may open with a non-word character
    none('x(?<secret>[a-f]{8}-tk)'); // no boundary this knows
  });

  it('qualifies the built-in rules shaped that way', () => {
    expect(preceded.map((r) => r.spec.id).sort()).toEqual(['mailchimp-api-key', 'newrelic-license-key']);
  });

  it('find what every such rule found before, whatever comes before the keyword', () => {
    const compared = compareAroundKeyword(preceded, (example, at) => {
      const texts = [example, `${example}\n${example}`, example.slice(at - 5), `\n${example.slice(at - 40)}`];
      // Each of the 45 characters before the keyword replaced, one at a time.
      for (let k = Math.max(0, at - 45); k < at; k++)
        for (const c of [' ', '\n', '.', '_', '-', 'é', 'Z', 'g', '0', 'a'])
          texts.push(`${example.slice(0, k)}${c}${example.slice(k + 1)}`);
      // The token at the very start of the file, and with one character of its run missing.
      const start = example.slice(0, at).search(/[0-9a-f]+$/);
      if (start >= 0) texts.push(example.slice(start), example.slice(start + 1));
      return texts;
    });
    expect(compared).toBeGreaterThan(1_000);
  });

  it('finds nothing around locales, and the key on the next line as before', () => {
    expectKeywordNoiseSkipped('const locale = "en-us"; fetch("/api/en-us/users", { headers });\n', 'mailchimp-api-key');
  });
});
