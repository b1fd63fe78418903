import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

/**
 * The built-in rules, and two detectors over them for equivalence tests: `fast` as the scan runs
 * them (trusted rules take every shortcut), and `reference`, which marks every rule as a config
 * rule (no guard given): those take none of the shortcuts (no context windows, no skipped
 * keyword hits), so what it finds is what the straightforward path finds.
 */
export const rules = loadRules(PROVIDERS);
export const fast = new Detector(loadRules(PROVIDERS), PROVIDERS);
export const reference = new Detector(
  loadRules(PROVIDERS),
  PROVIDERS,
  undefined,
  rules.map((r) => r.spec.id),
);

/** What a detector finds in a file's bytes, one line per candidate (rule, place, secret), sorted. */
export const view = (d: Detector, text: string) =>
  d
    .scanBytes(Buffer.from(text), { path: 'src/app.ts', source: 'tracked' })
    .map((c) => `${c.ruleId} ${c.location.line}:${c.location.column} ${c.secret.reveal()}`)
    .sort();
