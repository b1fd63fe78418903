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
