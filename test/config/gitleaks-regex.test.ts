import { describe, expect, it } from '@jest/globals';
import { RegexConversionError, convertRegex } from '../../src/config/gitleaks/regex.js';

const js = (source: string, group?: number) => {
  const r = convertRegex(source, group);
  return new RegExp(r.source, r.flags);
};
const secretOf = (source: string, text: string, group?: number) => js(source, group).exec(text)?.groups?.secret;

describe('RE2 to JavaScript', () => {
  it('turns a leading (?i) into the i flag', () => {
    expect(convertRegex('(?i)acme_[a-z]{4}', undefined).flags).toBe('i');
    expect(secretOf('(?i)acme_[a-z]{4}', 'ACME_WXYZ')).toBe('ACME_WXYZ');
  });

  it('makes the Nth capturing group the secret, counting named groups and skipping (?:...)', () => {
    const re = String.raw`(?:key|token)\s*=\s*(?P<quote>["'])(x_[0-9a-f]{8})(["'])`;
    expect(secretOf(re, `token = "x_0123abcd"`, 2)).toBe('x_0123abcd');
    expect(secretOf(re, `token = "x_0123abcd"`, 1)).toBe('"');
  });

  it('without secretGroup: group 1 when there is one, else the whole match', () => {
    expect(secretOf(String.raw`id=(\d{4})`, 'id=1234')).toBe('1234');
    expect(secretOf(String.raw`zz\d{4}`, 'a zz1234 b')).toBe('zz1234');
  });

  it('does not count escaped parentheses or parentheses in a class', () => {
    expect(secretOf(String.raw`\(x\)[()]+(\w+)`, '(x)()abc', 1)).toBe('abc');
  });

  it('reads a leading ] in a class as a literal, as RE2 does', () => {
    expect(secretOf('k=([]a]+)', 'k=a]a', 1)).toBe('a]a');
  });

  it('expands POSIX classes', () => {
    expect(secretOf('([[:alnum:]]{6})', '--ab12CD--', 1)).toBe('ab12CD');
  });

  it('rewrites \\z as end of input, even with the m flag', () => {
    expect(js(String.raw`(?m)end\z`).test('end\nmore')).toBe(false);
    expect(js(String.raw`(?m)end\z`).test('more\nend')).toBe(true);
  });

  it.each([
    ['(?U)a+', /inline flag "U"/],
    ['a(?i)b', /inline flag or lookaround/],
    [String.raw`\pL+`, /\\p/],
    [String.raw`\x{41}`, /\\x\{/],
    ['[abc', /unclosed/],
    [String.raw`(a)\1`, /octal/],
    ['(a)', /no capturing group 3/],
  ])('refuses %s', (source, message) => {
    const group = source === '(a)' ? 3 : undefined;
    expect(() => convertRegex(source, group)).toThrow(RegexConversionError);
    expect(() => convertRegex(source, group)).toThrow(message);
  });
});
