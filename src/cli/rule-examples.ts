import { type Config, UsageError } from '../config/load.js';
import { ruleSchemaCheck } from '../detect/load.js';
import { buildDetector } from '../scan/detector.js';

/**
 * A config file's own rules must do what their examples say: each true positive found by the rule,
 * each false positive not. Checked at load, so a rule that never fires (a bad regex, a keyword that
 * is not in the text) is an error naming it, not a silent blind spot. The rules run as in a scan,
 * under the per-fragment time limit.
 */
export function checkRuleExamples(config: Config): void {
  if (config.rules.length === 0) return;
  const detector = buildDetector({ extraRules: config.rules, only: [] }, ruleSchemaCheck, config.fileBudgetMs);
  const found = (text: string) =>
    new Set(detector.scan({ text, path: 'example.txt', source: 'untracked' }).map((c) => c.ruleId));
  const where = config.file ?? 'config';
  for (const rule of config.rules) {
    rule.examples.truePositives.forEach((text, i) => {
      if (!found(text).has(rule.id))
        throw new UsageError(`${where}: rule ${rule.id}: true positive #${i + 1} is not found by the rule`);
    });
    rule.examples.falsePositives.forEach((text, i) => {
      if (found(text).has(rule.id))
        throw new UsageError(`${where}: rule ${rule.id}: false positive #${i + 1} is found by the rule`);
    });
  }
}
