import { mdCode, mdText } from './md.js';
import { blastRadius, type Report } from './model.js';
import { emptyOutcome } from './notes.js';

const ICON: Record<string, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

/** For PR comments and job summaries: what each token can do, not only where it is. */
export function renderMarkdown(report: Report): string {
  const { summary } = report;
  const lines: string[] = ['## tokenscope', ''];
  if (summary.headline) lines.push(mdText(summary.headline), '');
  const sentTo = Object.entries(report.endpoints);
  if (sentTo.length > 0) {
    const list = sentTo.map(([p, u]) => `${mdText(p)} ${mdCode(u, false)}`).join(', ');
    lines.push(`Provider endpoints: ${list}; databases: the host in each URL.`, '');
  }
  if (report.findings.length === 0) {
    const outcome = emptyOutcome(report, false);
    lines.push(`${outcome[0]!.toUpperCase()}${outcome.slice(1)}.`);
    return `${[...lines, ...notesDetails(report.notes)].join('\n')}\n`;
  }
  const counts = Object.entries(summary.bySeverity)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  lines.push(
    `**${summary.credentials} credential(s)**: ${counts}. Failing at \`${summary.failOn}\` or above: ${summary.failing}.`,
    '',
  );
  lines.push('| severity | credential | where | what it can do | risks |', '|---|---|---|---|---|');
  for (const f of report.findings) {
    const where = f.locations
      .slice(0, 3)
      .map(
        (l) =>
          `${mdText(l.path)}:${l.line}${l.commit ? `@${l.commit.slice(0, 7)}` : ''}${l.section ? ` \\[${mdText(l.section)}\\]` : ''} (${l.source})`,
      )
      .join('<br>');
    const more = f.locations.length > 3 ? ` +${f.locations.length - 3} more` : '';
    lines.push(
      `| ${ICON[f.severity]} ${f.severity} | ${mdText(`${f.provider} ${f.kind}`)} ${mdCode(f.secret.redacted)} | ${where}${more} | ${mdText(blastRadius(f))} | ${mdText(f.risks.map((r) => r.id).join(', '))} |`,
    );
  }
  lines.push('', '<details><summary>What to do</summary>', '');
  for (const f of report.findings) {
    lines.push(
      `- **${mdText(f.provider)}** ${mdCode(f.secret.redacted, false)} (${f.severity}): ${mdText(f.remediation)}`,
    );
    for (const r of f.risks) lines.push(`  - ${mdCode(r.id, false)} (${r.severity}): ${mdText(r.message)}`);
  }
  lines.push('', '</details>', ...notesDetails(report.notes));
  return `${lines.join('\n')}\n`;
}

/** The notes (what was not read or not counted), folded: the comment and the job summary carry them. */
function notesDetails(notes: string[]): string[] {
  if (notes.length === 0) return [];
  return [
    '',
    `<details><summary>Notes (${notes.length})</summary>`,
    '',
    ...notes.map((n) => `- ${mdText(n)}`),
    '',
    '</details>',
  ];
}
