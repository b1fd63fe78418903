import * as core from '@actions/core';
import { atLeast } from '../assess/severity.js';
import type { Location } from '../core/types.js';
import { blastRadius, type Report, type ReportFinding } from '../report/model.js';

/** Places that are files of the checked-out repository, where an annotation can point. */
const IN_REPOSITORY = new Set(['tracked', 'untracked', 'ignored', 'history']);

export function annotationMessage(f: ReportFinding): string {
  return `${f.provider} ${f.kind} ${f.secret.redacted} (${f.verification}): ${blastRadius(f)}. ${f.remediation}`;
}

function where(l: Location): string {
  return l.commit && l.presentAtHead === false ? ` (added in ${l.commit.slice(0, 7)}, gone at HEAD)` : '';
}

/**
 * One annotation per place: an error when the finding is at or above fail-on, a warning below.
 * Only report fields are used, so only redacted values can appear.
 */
export function annotate(report: Report): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of report.findings) {
    const failing = atLeast(f.severity, report.summary.failOn);
    const message = annotationMessage(f);
    // A full scan finds a line both in the working tree and in the commit that added it: one annotation.
    const seen = new Set<string>();
    for (const l of f.locations) {
      if (!IN_REPOSITORY.has(l.source) || seen.has(`${l.path}\0${l.line}`)) continue;
      seen.add(`${l.path}\0${l.line}`);
      const props: core.AnnotationProperties = {
        title: `tokenscope: ${f.severity} ${f.provider} ${f.kind}${where(l)}`,
        file: l.path,
        startLine: l.line,
        ...(l.column ? { startColumn: l.column } : {}),
      };
      if (failing) {
        core.error(message, props);
        errors++;
      } else {
        core.warning(message, props);
        warnings++;
      }
    }
  }
  return { errors, warnings };
}
