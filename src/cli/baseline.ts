import { readFileSync } from 'node:fs';
import { UsageError } from '../config/load.js';
import type { Finding } from '../core/types.js';
import { GitleaksBaseline } from './baseline-gitleaks.js';

/** Findings accepted earlier: those credentials are not counted again. */
export interface Baseline {
  has(f: Finding): boolean;
  /** A tokenscope baseline's ids, for the fingerprint-key check (fingerprint-scheme.ts). */
  ids?: ReadonlySet<string>;
}

/**
 * An earlier report: tokenscope's JSON report (an object with `findings`: their ids), or a gitleaks
 * JSON report (an array of findings: matched by location or secret), told apart by their shape.
 */
export function loadBaseline(file: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`--baseline ${file}: ${err.code ? `cannot read (${err.code})` : 'not valid JSON'}`);
  }
  if (Array.isArray(parsed)) return new GitleaksBaseline(file, parsed);
  const findings = (parsed as { findings?: unknown })?.findings;
  if (!Array.isArray(findings))
    throw new UsageError(
      `--baseline ${file}: field "findings" is missing: neither a tokenscope nor a gitleaks JSON report`,
    );
  const ids = new Set<string>();
  findings.forEach((f, i) => {
    const id = (f as { id?: unknown })?.id;
    if (typeof id !== 'string') throw new UsageError(`--baseline ${file}: field "findings.${i}.id" must be a string`);
    ids.add(id);
  });
  return { has: (f) => ids.has(f.credential.fingerprint), ids };
}
