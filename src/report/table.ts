import Table from 'cli-table3';
import { blastRadius, type Report } from './model.js';
import { ALL_NOTES_IN_JSON, emptyOutcome, notesSection } from './notes.js';

/** The terminal view: one row per credential, the blast radius in one line. */
export function renderTable(report: Report, width = process.stdout.columns ?? 160): string {
  const { summary } = report;
  const notes = notesSection(report.notes, ALL_NOTES_IN_JSON);
  if (report.findings.length === 0) {
    const headline = summary.headline ? [summary.headline] : [];
    return `${[`tokenscope: ${emptyOutcome(report)}`, ...headline, ...notes].join('\n')}\n`;
  }
  const radiusWidth = Math.max(30, Math.min(80, width - 100));
  const table = new Table({
    head: ['severity', 'credential', 'where', 'status', 'what it can do'],
    colWidths: [10, 34, 36, 14, radiusWidth],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [] },
  });
  for (const f of report.findings) {
    const first = f.locations[0]!;
    const at = `${first.commit ? `@${first.commit.slice(0, 7)}` : ''}${first.section ? ` [${first.section}]` : ''}`;
    const where = `${first.path}:${first.line}${at} (${first.source})${f.locations.length > 1 ? ` +${f.locations.length - 1}` : ''}`;
    table.push([f.severity, `${f.provider} ${f.kind}\n${f.secret.redacted}`, where, f.verification, blastRadius(f)]);
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
