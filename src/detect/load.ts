import type { Provider } from '../core/provider.js';
import type { RuleSpec } from '../core/rule.js';
import { describeErrors, schemaValidator } from '../config/ajv.js';
import { type CompiledRule, RuleCompileError, compileRule } from './compile.js';

/** Validates every rule against schemas/rule.schema.json and compiles it. */
export function loadRules(
  providers: Provider[],
  extra: RuleSpec[] = [],
  where = 'rules',
  check = true,
): CompiledRule[] {
  const validate = check ? schemaValidator('rule.schema.json') : undefined;
  const validators = Object.assign({}, ...providers.map((p) => p.validators ?? {}));
  const seen = new Set<string>();
  const out: CompiledRule[] = [];
  const all: Array<[RuleSpec, string]> = [
    ...providers.flatMap((p) => p.rules.map((r): [RuleSpec, string] => [r, `providers/${p.id}`])),
    ...extra.map((r): [RuleSpec, string] => [r, where]),
  ];
  for (const [spec, origin] of all) {
    if (validate && !validate(spec)) {
      throw new RuleCompileError(
        `${origin}: rule ${(spec as { id?: string })?.id ?? '?'}: ${describeErrors(validate!.errors).join('; ')}`,
      );
    }
    if (seen.has(spec.id)) throw new RuleCompileError(`${origin}: rule ${spec.id}: field "id" is used twice`);
    seen.add(spec.id);
    out.push(compileRule(spec, validators));
  }
  return out;
}
