import Table from 'cli-table3';
import { blastRadius, type Report } from './model.js';
import { ALL_NOTES_IN_JSON, emptyOutcome, notesSection } from './notes.js';

/** How the table is shown: the width it must fit, and whether severities are coloured (a terminal). */
export interface TableView {
  width: number;
  color: boolean;
}

const SEVERITY_COLOR: Record<string, string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m',
};

/** Column widths (cli-table3's, padding included) that fit `width` with the borders, down to a floor. */
function columnWidths(width: number): number[] {
  const fixed = 10 + 12 + 6; // severity, status, six borders
  const free = Math.max(72, width - fixed);
  const credential = Math.min(34, Math.max(20, Math.floor(free * 0.25)));
  const where = Math.min(36, Math.max(20, Math.floor(free * 0.3)));
  return [10, credential, where, 12, Math.min(80, free - credential - where)];
}

/** The terminal view: one row per credential, the blast radius in one line. */
export function renderTable(report: Report, view: TableView = { width: 160, color: false }): string {
  const { summary } = report;
  const notes = notesSection(report.notes, ALL_NOTES_IN_JSON);
  if (report.findings.length === 0) {
    const headline = summary.headline ? [summary.headline] : [];
    return `${[`tokenscope: ${emptyOutcome(report)}`, ...headline, ...notes].join('\n')}\n`;
  }
  const table = new Table({
    head: ['severity', 'credential', 'where', 'status', 'what it can do'],
    colWidths: columnWidths(view.width),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  const severity = (s: string) => (view.color && SEVERITY_COLOR[s] ? `${SEVERITY_COLOR[s]}${s}\x1b[0m` : s);
  for (const f of report.findings) {
    const first = f.locations[0]!;
    const at = `${first.commit ? `@${first.commit.slice(0, 7)}` : ''}${first.section ? ` [${first.section}]` : ''}`;
    const where = `${first.path}:${first.line}${at} (${first.source})${f.locations.length > 1 ? ` +${f.locations.length - 1}` : ''}`;
    table.push([
      severity(f.severity),
      `${f.provider} ${f.kind}\n${f.secret.redacted}`,
      where,
      f.verification,
      blastRadius(f),
    ]);
  }
  const counts = Object.entries(summary.bySeverity)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const lines = [
    table.toString(),
    `${summary.credentials} credential(s): ${counts}; ${summary.failing} at or above ${summary.failOn}.${summary.baselineSuppressed ? ` ${summary.baselineSuppressed} more in the baseline.` : ''}`,
  ];
  if (summary.headline) lines.push(summary.headline);
  const sentTo = Object.entries(report.endpoints);
  if (sentTo.length > 0) {
    lines.push(
      `Provider endpoints: ${sentTo.map(([p, u]) => `${p} ${u}`).join(', ')}; databases: the host in each URL`,
    );
  }
  const uninspected = report.findings.filter((f) => f.verification === 'unverified' || f.verification === 'error');
  if (uninspected.length > 0) {
    lines.push(`Could not inspect ${uninspected.length} credential(s):`);
    for (const f of uninspected) lines.push(`  ${f.provider} ${f.secret.redacted}: ${f.verificationReason}`);
  }
  lines.push(...notes);
  return `${lines.join('\n')}\n`;
}
