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
}

export class RuleCompileError extends Error {}

export function compileRule(spec: RuleSpec, validators: Record<string, Validator> = {}): CompiledRule {
  let re: RegExp;
  try {
    re = new RegExp(spec.regex, `g${spec.flags ?? ''}`);
  } catch (e) {
    throw new RuleCompileError(
      `rule ${spec.id}: field "regex" is not a valid regular expression: ${(e as Error).message}`,
    );
  }
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
    compiled.contextRe = new RegExp(spec.context.pattern, 'i');
    compiled.contextGlobalRe = new RegExp(spec.context.pattern, 'gi');
    if (spec.context.pathPattern) compiled.pathRe = new RegExp(spec.context.pathPattern, 'i');
  }
  return compiled;
}
