import { readFileSync } from 'node:fs';
import { UsageError } from '../config/load.js';

/** The finding ids of an earlier JSON report: those credentials are not counted again. */
export function loadBaseline(file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`--baseline ${file}: ${err.code ? `cannot read (${err.code})` : 'not valid JSON'}`);
  }
  const findings = (parsed as { findings?: unknown })?.findings;
  if (!Array.isArray(findings))
    throw new UsageError(`--baseline ${file}: field "findings" is missing: not a tokenscope JSON report`);
  const ids = new Set<string>();
  findings.forEach((f, i) => {
    const id = (f as { id?: unknown })?.id;
    if (typeof id !== 'string') throw new UsageError(`--baseline ${file}: field "findings.${i}.id" must be a string`);
    ids.add(id);
  });
  return ids;
}
