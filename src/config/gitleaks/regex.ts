/**
 * Go RE2 regular expressions (gitleaks rules) rewritten as JavaScript ones. RE2 and JavaScript
 * agree on most syntax; where they differ, the source is rewritten when the meaning is certain and
 * refused otherwise (a rule silently matching something else is worse than a clear error).
 */

export class RegexConversionError extends Error {}

export interface ConvertedRegex {
  source: string;
  flags: string;
}

/** POSIX classes RE2 accepts inside brackets (`[[:alpha:]]`), as JavaScript class contents. */
const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Escapes RE2 has and JavaScript lacks or reads otherwise. */
const ESCAPES: Record<string, string> = { z: '(?![\\s\\S])', A: '(?<![\\s\\S])' };
const REFUSED_ESCAPES = new Set(['p', 'P', 'C', 'Q', 'E']);

/**
 * Rewrites `source` (RE2) for JavaScript and makes capturing group `secretGroup` (1-based; 0 =
 * the whole match) the named group `secret`. Without one: group 1 when the regex has a capturing
 * group, else the whole match. Named groups lose their names (the rule needs only `secret`, and
 * JavaScript refuses a second group of that name).
 */
export function convertRegex(source: string, secretGroup?: number): ConvertedRegex {
  if (secretGroup !== undefined) return rewrite(source, secretGroup);
  const counted = rewrite(source, -1);
  return rewrite(source, counted.groups > 0 ? 1 : 0);
}

function rewrite(source: string, secretGroup: number): ConvertedRegex & { groups: number } {
  let flags = '';
  let i = 0;
  // Leading flag groups: `(?i)`, `(?is)`... become JavaScript flags.
  for (let m = /^\(\?([a-zA-Z]+)\)/.exec(source); m; m = /^\(\?([a-zA-Z]+)\)/.exec(source.slice(i))) {
    for (const f of m[1]!) {
      if (!'ims'.includes(f)) throw new RegexConversionError(`inline flag "${f}" has no JavaScript equivalent`);
      if (!flags.includes(f)) flags += f;
    }
    i += m[0].length;
  }
  let out = '';
  let group = 0;
  let found = secretGroup <= 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw new RegexConversionError('ends with a lone backslash');
      if (REFUSED_ESCAPES.has(next)) throw new RegexConversionError(`escape "\\${next}" is not supported`);
      if (next === 'x' && source[i + 2] === '{') throw new RegexConversionError('escape "\\x{...}" is not supported');
      // RE2 reads \1-\7 as octal; JavaScript as a back-reference.
      if (/[1-9]/.test(next))
        throw new RegexConversionError(`escape "\\${next}" (octal or a back-reference) is not supported`);
      out += ESCAPES[next] ?? `\\${next}`;
      i += 2;
      continue;
    }
    if (c === '[') {
      const end = readClass(source, i);
      out += end.text;
      i = end.next;
      continue;
    }
    if (c === '(') {
      const rest = source.slice(i + 1);
      let capturing = false;
      let skip = 1;
      if (!rest.startsWith('?')) capturing = true;
      else {
        const named = /^\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
        if (named) {
          capturing = true;
          skip += named[0].length;
        } else if (!rest.startsWith('?:')) {
          throw new RegexConversionError(
            `group "(${rest.slice(0, 4)}" (an inline flag or lookaround) is not supported`,
          );
        } else {
          out += '(?:';
          i += 3;
          continue;
        }
      }
      if (capturing) {
        group++;
        out += group === secretGroup ? '(?<secret>' : '(';
        if (group === secretGroup) found = true;
      }
      i += skip;
      continue;
    }
    out += c;
    i++;
  }
  if (!found) throw new RegexConversionError(`has no capturing group ${secretGroup} (secretGroup)`);
  if (secretGroup === 0) out = `(?<secret>${out})`;
  return { source: out, flags, groups: group };
}

/**
 * A bracket expression starting at `start`, rewritten: a `]` first is a literal in RE2 (an empty
 * class in JavaScript), POSIX classes are expanded, a nested `[` is a literal.
 */
function readClass(source: string, start: number): { text: string; next: number } {
  let i = start + 1;
  let text = '[';
  if (source[i] === '^') {
    text += '^';
    i++;
  }
  if (source[i] === ']') {
    text += '\\]';
    i++;
  }
  while (i < source.length) {
    const c = source[i]!;
    if (c === ']') return { text: `${text}]`, next: i + 1 };
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) break;
      if (REFUSED_ESCAPES.has(next) || (next === 'x' && source[i + 2] === '{'))
        throw new RegexConversionError(`escape "\\${next}" is not supported`);
      text += `\\${next}`;
      i += 2;
      continue;
    }
    if (c === '[') {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(source.slice(i));
      if (posix) {
        const body = POSIX[posix[2]!];
        if (!body || posix[1]) throw new RegexConversionError(`class "[:${posix[1]}${posix[2]}:]" is not supported`);
        text += body;
        i += posix[0].length;
        continue;
      }
      text += '\\[';
      i++;
      continue;
    }
    text += c;
    i++;
  }
  throw new RegexConversionError('has an unclosed "["');
}
