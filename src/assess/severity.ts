import { SEVERITIES, type Severity } from '../core/types.js';

/** Lower is worse: critical = 0. */
export function rank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return rank(s) <= rank(threshold);
}

export function worst(list: Severity[], fallback: Severity = 'info'): Severity {
  return list.reduce<Severity>((w, s) => (rank(s) < rank(w) ? s : w), fallback);
}
