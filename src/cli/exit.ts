import { UsageError } from '../config/load.js';
import { EndpointViolation } from '../core/errors.js';
import { RuleCompileError } from '../detect/compile.js';
import type { Report } from '../report/model.js';

/**
 * The one place that decides exit codes:
 * 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or fatal error.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function exitCodeForReport(report: Report): number {
  return report.summary.failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** One line for the user; never a stack (a stack could carry a value from a scanned file). */
export function describeFatal(e: unknown): string {
  if (e instanceof UsageError || e instanceof EndpointViolation || e instanceof RuleCompileError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code && err.path) return `${err.path}: ${err.code}`;
  return `internal error: ${err?.name ?? 'Error'}${err?.message ? `: ${err.message.split('\n')[0]}` : ''}`;
}
