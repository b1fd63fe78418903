import { PROVIDERS } from '../../providers/registry.js';
import type { RuleSpec } from '../core/rule.js';
import type { Candidate } from '../core/types.js';
import { Detector } from '../detect/engine.js';
import { loadRules } from '../detect/load.js';
import { readForScan } from '../sources/read.js';
import type { FileTask } from '../sources/worktree.js';
import { type WireCandidate, toWire } from './wire.js';

export interface DetectorOptions {
  /** Extra rules from the config file. */
  extraRules: RuleSpec[];
  /** Only these rule ids (or providers) run; empty: all. */
  only: string[];
  maxFileBytes: number;
}

export function buildDetector(opts: Pick<DetectorOptions, 'extraRules' | 'only'>): Detector {
  let rules = loadRules(PROVIDERS, opts.extraRules, 'config');
  if (opts.only.length > 0) {
    const only = new Set(opts.only);
    rules = rules.filter((r) => only.has(r.spec.id) || only.has(r.spec.provider));
  }
  return new Detector(rules, PROVIDERS);
}

export interface FileOutcome {
  candidates: WireCandidate[];
  bytes: number;
  skipped?: string;
}

/** Reads and scans one file; the same code runs in the main thread and in workers. */
export async function scanFile(task: FileTask, detector: Detector, maxFileBytes: number): Promise<FileOutcome> {
  const r = await readForScan(task.abs, maxFileBytes);
  if ('skipped' in r) return { candidates: [], bytes: 0, skipped: r.skipped };
  const found: Candidate[] = detector.scan({ text: r.text, path: task.path, source: task.source });
  return { candidates: found.map(toWire), bytes: r.bytes };
}
