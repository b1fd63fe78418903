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
}

/** Plain words a context pattern may be written as: `neon`, `cargo|crates`, `\bfoo_bar\b`. */
const LITERAL_ALTERNATION = /^(?:\\b)?[A-Za-z0-9_ -]+(?:\|[A-Za-z0-9_ -]+)*(?:\\b)?$/;

/**
 * How many lines around a keyword hit a context rule's candidates can lie, when that is known
 * from the rule alone; undefined when the rule must see the whole text. Exact in two cases:
 * - a line-scoped rule: its match sits on a keyword's line (what `keywordScope: 'line'` says), and
 *   the context it needs is within `withinLines` of the match;
 * - a rule whose context pattern is plain words, each holding one of its (case-folded) keywords:
 *   every context hit is a keyword hit, and the match is within `withinLines` of one.
 */
export function contextWindow(spec: RuleSpec): number | undefined {
  const ctx = spec.context;
  if (!ctx || typeof ctx.withinLines !== 'number' || spec.keywords.length === 0) return undefined;
  if (spec.keywordScope === 'line') return ctx.withinLines;
  if (spec.keywordsCaseSensitive || ctx.pathPattern || !LITERAL_ALTERNATION.test(ctx.pattern)) return undefined;
  const words = ctx.pattern
    .replace(/^\\b|\\b$/g, '')
    .toLowerCase()
    .split('|');
  const keywords = spec.keywords.map((k) => k.toLowerCase());
  return words.every((w) => keywords.some((k) => w.includes(k))) ? ctx.withinLines : undefined;
}

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
