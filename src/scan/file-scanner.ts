import { PROVIDERS } from '../../providers/registry.js';
import type { RuleSpec } from '../core/rule.js';
import type { Candidate } from '../core/types.js';
import { Detector } from '../detect/engine.js';
import { RegexGuard } from '../detect/guard.js';
import { loadRules } from '../detect/load.js';
import { decodeUtf16, isBinary, readForScan } from '../sources/read.js';
import type { FileTask } from '../sources/worktree.js';
import { type WireCandidate, toWire } from './wire.js';

export interface DetectorOptions {
  /** Extra rules from the config file. */
  extraRules: RuleSpec[];
  /** Only these rule ids (or providers) run; empty: all. */
  only: string[];
  maxFileBytes: number;
  /** Time limit per fragment for each of the config's own rules (see guard.ts). */
  ruleBudgetMs?: number;
}

/**
 * `validated`: the rules were already checked against the schema (a worker thread rebuilding them).
 * `guardMs`: run the config's own rules under this time limit per fragment (main-thread sources:
 * stdin, history, home, environment; scanning threads have a watchdog of their own instead).
 */
export function buildDetector(
  opts: Pick<DetectorOptions, 'extraRules' | 'only'>,
  validated = false,
  guardMs?: number,
): Detector {
  let rules = loadRules(PROVIDERS, opts.extraRules, 'config', !validated);
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

export interface FileOutcome {
  candidates: WireCandidate[];
  bytes: number;
  skipped?: string;
  /** What the detector gave up on in this file (an untrusted rule over its budget). */
  notes?: string[];
}

/** Reads and scans one file; the same code runs in the main thread and in workers. */
export function scanFile(task: FileTask, detector: Detector, maxFileBytes: number): FileOutcome {
  const r = readForScan(task.abs, maxFileBytes);
  if ('skipped' in r) return { candidates: [], bytes: 0, skipped: r.skipped };
  const meta = { path: task.path, source: task.source };
  const utf16 = decodeUtf16(r.bytes);
  let found: Candidate[];
  if (utf16 !== undefined) found = detector.scan({ ...meta, text: utf16 });
  else if (isBinary(r.bytes)) return { candidates: [], bytes: 0, skipped: 'binary' };
  else found = detector.scanBytes(r.bytes, meta);
  // A custom rule the guard stopped on this file: say so with the file's outcome.
  const stopped = detector.notes.splice(0);
  return { candidates: found.map(toWire), bytes: r.bytes.length, ...(stopped.length ? { notes: stopped } : {}) };
}
