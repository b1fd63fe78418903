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

/** The milder of two severities. */
export function mildest(a: Severity, b: Severity): Severity {
  return rank(a) > rank(b) ? a : b;
}

/** One step milder (info stays info). */
export function stepBelow(s: Severity): Severity {
  return SEVERITIES[Math.min(rank(s) + 1, SEVERITIES.length - 1)]!;
}
