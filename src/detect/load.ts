import type { Provider } from '../core/provider.js';
import type { RuleSpec } from '../core/rule.js';
import { describeErrors, schemaValidator } from '../config/ajv.js';
import type { CompiledRule } from './compile.js';
import { type RuleCheck, compileRules } from './compile-rules.js';

/** Checks a rule against schemas/rule.schema.json: its problems, one phrase each. */
export const ruleSchemaCheck: RuleCheck = (spec) => {
  const validate = schemaValidator('rule.schema.json');
  return validate(spec) ? [] : describeErrors(validate.errors);
};

/** Validates every rule against schemas/rule.schema.json and compiles it. */
export function loadRules(
  providers: Provider[],
  extra: RuleSpec[] = [],
  where = 'rules',
  check = true,
): CompiledRule[] {
  return compileRules(providers, extra, where, check ? ruleSchemaCheck : undefined);
}
