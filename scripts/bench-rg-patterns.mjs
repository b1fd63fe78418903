// tokenscope's own rules as ripgrep patterns, one per rule, so the working-tree benchmark compares
// like with like. ripgrep's regex engine has no lookaround and no backreferences, so a rule that
// uses them is adapted to the nearest pattern it accepts, at a similar cost:
//   - a named group `(?<name>` becomes a plain `(?:` (ripgrep joins the patterns into one regex,
//     where the rules' shared group names would clash; ripgrep needs no captures);
//   - JavaScript's atomic-group idiom `(?=(?<body>X))\k<body>` becomes the plain group `(?:X)`;
//   - a one-class boundary `(?<![C])` / `(?![C])` becomes the consuming `(?:^|[^C])` / `(?:[^C]|$)`;
//   - any other lookahead (`(?!OPENSSH)`, `(?!npm_)`) is dropped.
// Every pattern is wrapped in `(?-iu:...)` (`(?i-u:...)` when the rule has the flag): JavaScript
// regexes without the `u` flag are ASCII (`\b`, `\w`, `\d`, `\s`), as ripgrep's are with Unicode
// off, and the group keeps one rule's flags from reaching the next once ripgrep joins them.
import { spawnSync } from 'node:child_process';

/** Index just past the group that opens at `open` (the `(`), honouring escapes and classes. */
function groupEnd(s, open) {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced group in ${s}`);
}

/** The rule's JavaScript regex source as a ripgrep pattern; `adapted` when its meaning had to change. */
export function toRipgrep(source, flags = '') {
  let s = source;
  const before = s;
  // (?=(?<body>X))\k<body>  ->  (?<body>X), then (?:X) below
  for (let i = s.indexOf('(?=(?<'); i >= 0; i = s.indexOf('(?=(?<', i + 1)) {
    const end = groupEnd(s, i);
    const name = /^\(\?=\(\?<([A-Za-z_]\w*)>/.exec(s.slice(i))[1];
    const ref = `\\k<${name}>`;
    if (!s.startsWith(ref, end)) continue;
    const inner = s.slice(i + 3, end - 1); // (?<body>X)
    s = s.slice(0, i) + inner + s.slice(end + ref.length);
  }
  const CLASS = String.raw`\[((?:\\.|[^\]\\])+)\]`;
  s = s.replace(new RegExp(String.raw`\(\?<!${CLASS}\)`, 'g'), '(?:^|[^$1])');
  s = s.replace(new RegExp(String.raw`\(\?!${CLASS}\)`, 'g'), '(?:[^$1]|$$)');
  // Whatever lookahead is left (literal or nested) is dropped.
  for (let i = s.indexOf('(?!'); i >= 0; i = s.indexOf('(?!')) s = s.slice(0, i) + s.slice(groupEnd(s, i));
  for (let i = s.indexOf('(?='); i >= 0; i = s.indexOf('(?=')) s = s.slice(0, i) + s.slice(groupEnd(s, i));
  const adapted = s !== before;
  s = s.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:');
  return { pattern: `(?${flags.includes('i') ? 'i-u' : '-iu'}:${s})`, adapted };
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Whether the rule's regex is context-gated: it holds none of its keywords (a bare UUID or 32
 * alphanumerics, found only near "twilio" or "heroku"), so tokenscope runs it only on fragments
 * where a keyword is. ripgrep has no such gate; run bare, those regexes would have it test every
 * position of every line and measure something tokenscope never does.
 */
function gated(rule) {
  if (rule.keywordScope === 'line') return false;
  const src = rule.regex.toLowerCase();
  return !rule.keywords.every((k) => src.includes(k.toLowerCase()) || src.includes(escapeRegex(k).toLowerCase()));
}

/**
 * One rule as ripgrep runs it: its regex, translated; a context-gated rule's keywords instead.
 * ripgrep joins its patterns into one regex and can skip ahead with a literal prefilter only when
 * every branch has a literal: one generic branch and it tests every position of every line, which
 * tokenscope never does. Searching the keywords is the screening both do; tokenscope then also runs
 * the rule's regex where a keyword is, so the comparison leans toward ripgrep, never away from it.
 */
function forRipgrep(rule) {
  const { pattern, adapted } = toRipgrep(rule.regex, rule.flags);
  if (!gated(rule)) return { pattern, adapted, gated: false };
  const flags = rule.keywordsCaseSensitive ? '-iu' : 'i-u';
  return { pattern: `(?${flags}:${rule.keywords.map(escapeRegex).join('|')})`, adapted: false, gated: true };
}

/** Every built-in rule as a ripgrep pattern; throws when ripgrep rejects one (the bench would be unfair). */
export async function ripgrepPatterns() {
  const { PROVIDERS } = await import('../build/providers/registry.js');
  const rules = PROVIDERS.flatMap((p) => p.rules);
  const out = rules.map((r) => ({ id: r.id, ...forRipgrep(r) }));
  for (const p of out) {
    const r = spawnSync('rg', ['--regex-size-limit', '1G', '--dfa-size-limit', '1G', '-e', p.pattern, '/dev/null']);
    if (r.status === 2) throw new Error(`ripgrep rejects rule ${p.id}'s pattern ${p.pattern}: ${r.stderr}`);
  }
  return out;
}

/** Every rule's keywords, once each: what a literal search for them alone would look for. */
export async function allKeywords() {
  const { PROVIDERS } = await import('../build/providers/registry.js');
  return [...new Set(PROVIDERS.flatMap((p) => p.rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase()))))];
}

export function hasRipgrep() {
  return spawnSync('rg', ['--version']).status === 0;
}
