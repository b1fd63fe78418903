import type { Validator } from '../core/provider.js';
import type { RuleSpec } from '../core/rule.js';

/** A rule made ready to run: its regexes built once, its validator resolved. */
export interface CompiledRule {
  spec: RuleSpec;
  re: RegExp;
  keywords: string[];
  validator?: Validator;
  contextRe?: RegExp;
  /** The context pattern as a global regex, to find the windows the rule runs in. */
  contextGlobalRe?: RegExp;
  pathRe?: RegExp;
  /** The path a rule runs on only (`spec.path`). */
  onlyPathRe?: RegExp;
  /** `spec.allow`, compiled. */
  allow?: CompiledAllow[];
  /** Assignment names that say the match is something else (another platform's, an identifier). */
  excludeNamesRe?: RegExp;
  /**
   * A context rule whose candidates always lie within this many lines of a keyword hit: it runs
   * on those windows only, never on the whole text (see `contextWindow`).
   */
  windowLines?: number;
  /**
   * A line-scoped rule whose match starts with its one keyword at a token boundary: bytes that,
   * just before a keyword hit, mean the regex cannot match there (see `keywordBoundary`).
   */
  notBefore?: Uint8Array;
  /**
   * Likewise, what must follow the keyword for the regex to match there (see `keywordFollow`):
   * a hit in `path` or `pattern` does not decode its line for a `pat` rule.
   */
  follow?: KeywordFollow;
  /** Likewise, what must come before it (see `keywordPrecede`): a hit in `en-us` does not decode its line. */
  precede?: KeywordPrecede;
  /**
   * A context rule whose context is words (see `contextWords`): a fragment with none of them
   * cannot give it a candidate, unless its path is the context.
   */
  needsContextWords?: boolean;
}

/** Plain words a context pattern may be written as: `neon`, `cargo|crates`, `\bfoo_bar\b`, `okta|\bssws\b`. */
const LITERAL_ALTERNATION = /^(?:\\b)?[A-Za-z0-9_ -]+(?:\\b)?(?:\|(?:\\b)?[A-Za-z0-9_ -]+(?:\\b)?)*$/;
/**
 * Or plain words in a group, then classes of letters and digits (none matches a newline):
 * `\b(?:AKIA|ASIA)[A-Z2-7]{16}\b`. Every match starts with one of the words, on one line.
 */
const WORDS_THEN_CLASSES =
  /^(?:\\b)?\(\?:([A-Za-z0-9_ -]+(?:\|[A-Za-z0-9_ -]+)*)\)(?:\[[A-Za-z0-9_-]+\](?:\{\d+(?:,\d*)?\}|[+*?])?)*(?:\\b)?$/;

/**
 * The words, lower-cased, one of which every match of a rule's context pattern holds on its own
 * line (the pattern is case-insensitive, ASCII only); undefined when the pattern is not that plain.
 */
export function contextWords(spec: RuleSpec): string[] | undefined {
  const pattern = spec.context?.pattern;
  if (pattern === undefined) return undefined;
  const words = LITERAL_ALTERNATION.test(pattern) ? pattern : WORDS_THEN_CLASSES.exec(pattern)?.[1];
  return words?.replaceAll('\\b', '').toLowerCase().split('|');
}

/**
 * How many lines around a keyword hit a context rule's candidates can lie, when that is known
 * from the rule alone; undefined when the rule must see the whole text. Exact in two cases:
 * - a line-scoped rule: its match sits on a keyword's line (what `keywordScope: 'line'` says), and
 *   the context it needs is within `withinLines` of the match;
 * - a rule whose context pattern is plain words, or plain words then letters and digits, each word
 *   holding one of its keywords (case-folded, as the context pattern is): every context hit holds a
 *   keyword on its own line, and the match is within `withinLines` of one. Case-sensitive keywords
 *   then place the windows at their case-folded hits (`foldedWindows`); a `pathPattern` makes
 *   the whole file the context, and such a file runs whole (the engine's path rules).
 */
export function contextWindow(spec: RuleSpec): number | undefined {
  const ctx = spec.context;
  if (!ctx || typeof ctx.withinLines !== 'number' || spec.keywords.length === 0) return undefined;
  if (spec.keywordScope === 'line') return ctx.withinLines;
  const words = contextWords(spec);
  if (words === undefined) return undefined;
  const keywords = spec.keywords.map((k) => k.toLowerCase());
  return words.every((w) => keywords.some((k) => w.includes(k))) ? ctx.withinLines : undefined;
}

/**
 * Whether a windowed rule's windows go around the case-folded hits of its keywords: its keywords
 * are case-sensitive (they decide whether it runs) but its context pattern is not.
 */
export const foldedWindows = (spec: RuleSpec): boolean =>
  spec.keywordsCaseSensitive === true && spec.keywordScope !== 'line';

export interface CompiledAllow {
  regexes: RegExp[];
  regexTarget: 'secret' | 'match' | 'line';
  /** Lower-cased. */
  stopwords: string[];
  paths: RegExp[];
  commits: string[];
  all: boolean;
}

export class RuleCompileError extends Error {}

/** One of a rule's patterns, compiled; a bad one is a one-line error naming the rule and field. */
function pattern(spec: RuleSpec, field: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new RuleCompileError(
      `rule ${spec.id}: field "${field}" is not a valid regular expression: ${(e as Error).message}`,
    );
  }
}

export function compileRule(spec: RuleSpec, validators: Record<string, Validator> = {}): CompiledRule {
  const re = pattern(spec, 'regex', spec.regex, `g${spec.flags ?? ''}`);
  let validator: Validator | undefined;
  if (spec.validator) {
    validator = validators[spec.validator];
    if (!validator)
      throw new RuleCompileError(`rule ${spec.id}: field "validator" names unknown validator "${spec.validator}"`);
  }
  const keywords = spec.keywordsCaseSensitive ? spec.keywords : spec.keywords.map((k) => k.toLowerCase());
  const compiled: CompiledRule = { spec, re, keywords };
  if (validator) compiled.validator = validator;
  if (spec.context) {
    const { context: ctx } = spec;
    compiled.contextRe = pattern(spec, 'context.pattern', ctx.pattern, 'i');
    compiled.contextGlobalRe = pattern(spec, 'context.pattern', ctx.pattern, 'gi');
    if (ctx.pathPattern) compiled.pathRe = pattern(spec, 'context.pathPattern', ctx.pathPattern, 'i');
    if (ctx.excludeNames) compiled.excludeNamesRe = pattern(spec, 'context.excludeNames', ctx.excludeNames, 'i');
  }
  if (spec.path) compiled.onlyPathRe = pattern(spec, 'path', spec.path.regex, spec.path.flags ?? '');
  if (spec.allow) {
    compiled.allow = spec.allow.map((a, i) => ({
      regexes: (a.regexes ?? []).map((r, j) => pattern(spec, `allow.${i}.regexes.${j}`, r.regex, r.flags ?? '')),
      regexTarget: a.regexTarget ?? 'secret',
      stopwords: (a.stopwords ?? []).map((w) => w.toLowerCase()),
      paths: (a.paths ?? []).map((p, j) => pattern(spec, `allow.${i}.paths.${j}`, p.regex, p.flags ?? '')),
      commits: a.commits ?? [],
      all: a.condition === 'and',
    }));
  }
  return compiled;
}

/** The boundaries a regex may open with, and the bytes each says cannot come just before it. */
const BOUNDARIES: Array<[string, RegExp]> = [
  ['(?<![A-Za-z0-9_-])', /[A-Za-z0-9_-]/],
  ['(?<![A-Za-z0-9_])', /[A-Za-z0-9_]/],
  ['(?<![A-Za-z0-9])', /[A-Za-z0-9]/],
  ['\\b', /[A-Za-z0-9_]/],
];

/** Per boundary, the bytes it says cannot come just before: built once, shared by its rules (never written). */
const boundaryTables = new Map<RegExp, Uint8Array>();
function boundaryTable(before: RegExp): Uint8Array {
  let table = boundaryTables.get(before);
  if (!table) {
    table = new Uint8Array(256);
    for (let b = 0; b < 128; b++) if (before.test(String.fromCharCode(b))) table[b] = 1;
    boundaryTables.set(before, table);
  }
  return table;
}

/** The keyword as a regex literal: its metacharacters escaped (`-` may be escaped or not). */
const literalForms = (s: string) => {
  const lit = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [lit, lit.replaceAll('-', '\\-')];
};

/**
 * Whether a regex source has an alternation of its own: outside every group and class (`a|b` at
 * the top), or, for a source that starts inside a group (the rest of a secret group), at that
 * group's own level before it closes (`tok_[a-z]{9}|...)`).
 */
function ownAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * For a rule whose regex opens with a boundary and then its secret, starting with its one
 * keyword written exactly (`(?<![A-Za-z0-9_-])(?<secret>fc-...`, `\b(?<secret>ghp_...`): the
 * boundary's table of bytes that may not come before the keyword, and the regex after it.
 */
function keywordLead(spec: RuleSpec): { before: Uint8Array; rest: string } | undefined {
  const opened = secretOpening(spec);
  if (!opened) return undefined;
  const { keyword, open, before, rest } = opened;
  // The keyword, as the regex writes it (escaped or not).
  const form = literalForms(keyword).find((f) => rest.startsWith(f));
  if (form === undefined) return undefined;
  // `\b` is a boundary only when the keyword starts with a word character.
  if (open === '\\b' && !/^[A-Za-z0-9_]/.test(keyword)) return undefined;
  return { before: boundaryTable(before), rest: rest.slice(form.length) };
}

/**
 * A line-scoped rule with one keyword written exactly, whose regex opens with a boundary and
 * then its secret's group: the keyword, the boundary (as written, and the bytes it says cannot
 * come just before) and the regex inside the group. None when the group has an alternation of
 * its own: a match need not go as the keyword's branch says.
 */
function secretOpening(spec: RuleSpec): { keyword: string; open: string; before: RegExp; rest: string } | undefined {
  if (spec.keywordScope !== 'line' || !spec.keywordsCaseSensitive || spec.context || spec.keywords.length !== 1)
    return undefined;
  if (spec.flags?.includes('i') || ownAlternation(spec.regex)) return undefined;
  for (const [open, before] of BOUNDARIES) {
    const head = `${open}(?<secret>`;
    if (!spec.regex.startsWith(head)) continue;
    const rest = spec.regex.slice(head.length);
    return ownAlternation(rest) ? undefined : { keyword: spec.keywords[0]!, open, before, rest };
  }
  return undefined;
}

/**
 * The bytes that may not come just before a keyword hit for the rule's regex to match there
 * (see keywordLead). A hit inside a longer word (`...4bfc-...` in a hex id) then triggers
 * nothing. Exact: the regex could not match at that place, and any other place on the line is a
 * hit of its own.
 */
export function keywordBoundary(spec: RuleSpec): Uint8Array | undefined {
  return keywordLead(spec)?.before;
}

/**
 * What the bytes right after a keyword hit must be for the regex to match there: `count` bytes
 * (at most 64 are checked) each allowed by `allowed`, and then, when the regex says so, the byte
 * `after`. Airtable's `pat[A-Za-z0-9]{14}\.` needs 14 letters or digits and a dot after `pat`,
 * which `path` and `pattern` in code never have.
 */
export interface KeywordFollow {
  allowed: Uint8Array;
  count: number;
  after?: number;
}

/**
 * A class of printable ASCII characters, not negated, with no escapes but those of punctuation,
 * `\d` and `\w` (ASCII only, in a regex without the i flag): no character it allows is encoded
 * in more than one byte, so it says of a byte what it says of a character.
 */
const ASCII_CLASS = /^\[(?!\^)(?:\\[-./+_=:~dw]|[ -Z^-~])+\]/;
const QUANTIFIER = /^(?:\{(\d+)(,\d*)?\}|(\+))/;
/** A literal character after an exact count: an escaped punctuation mark, or a plain one. */
const THEN = /^(?:\\([-./+_:=~])|([-_:=~A-Za-z0-9]))/;

/**
 * For a rule shaped as keywordLead says, whose keyword is followed in the regex by a class of
 * ASCII characters repeated (`[A-Za-z0-9]{14}`, `{36,}`, `+`) and perhaps, after an exact count,
 * one literal character: the bytes that must follow each keyword hit (see KeywordFollow). Exact
 * in the same way as keywordBoundary: the class is asked about each ASCII byte as the regex asks
 * (the same class, compiled), and UTF-8 encodes every other character in bytes of 128 and more,
 * which such a class never allows.
 */
export function keywordFollow(spec: RuleSpec): KeywordFollow | undefined {
  const rest = keywordLead(spec)?.rest;
  const cls = rest === undefined ? undefined : ASCII_CLASS.exec(rest)?.[0];
  const quantified = cls === undefined ? undefined : QUANTIFIER.exec(rest!.slice(cls.length));
  if (!cls || !quantified) return undefined;
  const allowed = classTable(cls);
  const count = quantified[3] ? 1 : Number(quantified[1]);
  if (!(count >= 1)) return undefined;
  const exact = quantified[1] !== undefined && quantified[2] === undefined;
  const next = exact ? THEN.exec(rest!.slice(cls.length + quantified[0].length)) : null;
  const after = next ? (next[1] ?? next[2])!.charCodeAt(0) : undefined;
  return { allowed, count: Math.min(count, 64), ...(after !== undefined && count <= 64 ? { after } : {}) };
}

/** The bytes an ASCII_CLASS allows, asked of the class itself (compiled as the regex compiles it). */
function classTable(cls: string): Uint8Array {
  const one = new RegExp(`^${cls}$`);
  const allowed = new Uint8Array(256);
  for (let b = 0; b < 128; b++) if (one.test(String.fromCharCode(b))) allowed[b] = 1;
  return allowed;
}

/**
 * What must come just before a keyword hit when the keyword sits after an exact run of one class
 * at the start of the secret: `count` bytes each allowed by `allowed`, and before them a byte
 * the boundary allows (none: the line's start). Mailchimp's `[0-9a-f]{32}-us` needs 32 hex digits
 * before `-us`, which `en-us` in a locale or `-use` in code never have.
 */
export interface KeywordPrecede {
  allowed: Uint8Array;
  count: number;
  /** The bytes that may not come just before the run (the boundary's table). */
  before: Uint8Array;
}

/**
 * For a rule shaped as secretOpening says whose secret is an exact run of an ASCII class (at
 * most 64) followed by its keyword (`(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us...`,
 * `\b(?<secret>[0-9a-f]{36}NRAL)`): the bytes that must come before each hit (see
 * KeywordPrecede). Exact as keywordFollow is: a hit without them is not where any match has its
 * keyword, and any other hit on the line is checked for itself.
 */
export function keywordPrecede(spec: RuleSpec): KeywordPrecede | undefined {
  const opened = secretOpening(spec);
  const cls = opened ? ASCII_CLASS.exec(opened.rest)?.[0] : undefined;
  if (!opened || cls === undefined) return undefined;
  const run = /^\{(\d+)\}/.exec(opened.rest.slice(cls.length));
  const count = run ? Number(run[1]) : 0;
  if (!(count >= 1 && count <= 64)) return undefined;
  const after = opened.rest.slice(cls.length + run![0].length);
  if (!literalForms(opened.keyword).some((f) => after.startsWith(f))) return undefined;
  const allowed = classTable(cls);
  const before = boundaryTable(opened.before);
  // `\b` before the run is a boundary as its table says only when every byte the run allows is a
  // word character (one the table names).
  if (opened.open === '\\b' && allowed.some((a, b) => a === 1 && before[b] !== 1)) return undefined;
  return { allowed, count, before };
}
