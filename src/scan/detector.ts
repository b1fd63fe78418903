import { PROVIDERS } from '../../providers/registry.js';
import type { RuleSpec } from '../core/rule.js';
import { Detector } from '../detect/engine.js';
import { RegexGuard } from '../detect/guard.js';
import { type RuleCheck, compileRules } from '../detect/compile-rules.js';

export interface DetectorOptions {
  /** Extra rules from the config file. */
  extraRules: RuleSpec[];
  /** Only these rule ids (or providers) run; empty: all. */
  only: string[];
  maxFileBytes: number;
  /** Time limit per fragment for each of the config's own rules (see guard.ts). */
  ruleBudgetMs?: number;
}

/** What a scanning thread is started with: its detector's options, and git's trusted directories. */
export interface WorkerData extends DetectorOptions {
  /** The user's `safe.directory` entries as the main thread read them (absent: not read yet). */
  safeDirectories?: string[] | undefined;
}

/**
 * `check`: how to check each rule against the schema (src/detect/load.ts), on the main thread;
 * none where the rules were checked already (a scanning thread rebuilding them, the guard's hook),
 * so those never load the schema library.
 * `guardMs`: run the config's own rules under this time limit per fragment.
 */
export function buildDetector(
  opts: Pick<DetectorOptions, 'extraRules' | 'only'>,
  check?: RuleCheck,
  guardMs?: number,
): Detector {
  let rules = compileRules(PROVIDERS, opts.extraRules, 'config', check);
  if (opts.only.length > 0) {
    const only = new Set(opts.only);
    rules = rules.filter((r) => only.has(r.spec.id) || only.has(r.spec.provider));
  }
  const guard = guardMs !== undefined && opts.extraRules.length > 0 ? RegexGuard.create(guardMs) : undefined;
  return new Detector(
    rules,
    PROVIDERS,
    guard,
    opts.extraRules.map((r) => r.id),
  );
}
