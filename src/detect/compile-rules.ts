import type { Provider } from '../core/provider.js';
import type { RuleSpec } from '../core/rule.js';
import { type CompiledRule, RuleCompileError, compileRule } from './compile.js';

/** A rule's problems against schemas/rule.schema.json (empty: none); see load.ts. */
export type RuleCheck = (spec: RuleSpec) => string[];

/**
 * Compiles the providers' rules and the config's, checking each with `check` when given. No
 * schema library here: a scanning thread (and the agent guard's hook) compiles rules the main
 * thread already checked, and loading ajv cost each of them half its code.
 */
export function compileRules(
  providers: Provider[],
  extra: RuleSpec[] = [],
  where = 'rules',
  check?: RuleCheck,
): CompiledRule[] {
  const validators = Object.assign({}, ...providers.map((p) => p.validators ?? {}));
  const seen = new Set<string>();
  const out: CompiledRule[] = [];
  const all: Array<[RuleSpec, string]> = [
    ...providers.flatMap((p) => p.rules.map((r): [RuleSpec, string] => [r, `providers/${p.id}`])),
    ...extra.map((r): [RuleSpec, string] => [r, where]),
  ];
  for (const [spec, origin] of all) {
    const problems = check?.(spec) ?? [];
    if (problems.length > 0)
      throw new RuleCompileError(`${origin}: rule ${(spec as { id?: string })?.id ?? '?'}: ${problems.join('; ')}`);
    if (seen.has(spec.id)) throw new RuleCompileError(`${origin}: rule ${spec.id}: field "id" is used twice`);
    seen.add(spec.id);
    out.push(compileRule(spec, validators));
  }
  return out;
}
