import { mdCode, mdText } from '../report/md.js';
import { blastRadius } from '../report/model.js';
import type { OrgFinding, OrgReport } from './types.js';

const ICON: Record<string, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

/** Repository names, branches, paths and provider words are the org's, not ours (md.ts). */
const cell = mdText;
/** In a table cell. */
const code = (s: string) => mdCode(s);

function status(f: OrgFinding): string {
  if (f.state === 'new') return 'new';
  if (f.state === 'open') return `open ${f.openForDays ?? 0} day(s)`;
  return '';
}

function findingRow(f: OrgFinding, repo: string): string {
  const where = f.locations
    .filter((l) => l.path.startsWith(`${repo}/`))
    .slice(0, 3)
    .map(
      (l) =>
        `${cell(l.path.slice(repo.length + 1))}:${l.line}${l.commit ? `@${l.commit.slice(0, 7)}` : ''} (${l.source})`,
    )
    .join('<br>');
  return `| ${ICON[f.severity]} ${f.severity} | ${cell(`${f.provider} ${f.kind}`)} ${code(f.secret.redacted)} | ${where} | ${cell(blastRadius(f))} | ${status(f)} |`;
}

/** The org report for a job summary or an issue: the state first, then one section per repository. */
export function renderOrgMarkdown(report: OrgReport): string {
  const lines: string[] = [`## tokenscope: ${cell(report.org ? `org ${report.org.name}` : report.target)}`, ''];
  const counts = Object.entries(report.summary.bySeverity)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const repos = report.repositories ?? [];
  lines.push(
    `**${report.summary.credentials} credential(s)** in ${repos.filter((r) => r.status === 'scanned').length} of ${repos.length} repositories${counts ? `: ${counts}` : ''}. Failing at \`${report.summary.failOn}\` or above: ${report.summary.failing}.`,
    '',
  );
  if (report.state) {
    const open = report.findings.filter((f) => f.state === 'open');
    const oldest = Math.max(0, ...open.map((f) => f.openForDays ?? 0));
    lines.push(
      `Since the last run${report.state.previousRun ? ` (${report.state.previousRun.slice(0, 10)})` : ''}: ${report.state.new.length} new, ${open.length} still open${open.length ? ` (the oldest for ${oldest} day(s))` : ''}, ${report.state.resolved.length} fixed.`,
      '',
    );
  }
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  for (const r of repos) {
    if (r.status !== 'scanned') {
      lines.push(`### ${cell(r.name)}`, '', `Not scanned (${r.status})${r.reason ? `: ${cell(r.reason)}` : ''}.`, '');
      continue;
    }
    if (r.findings.length === 0) continue;
    lines.push(
      `### ${cell(r.name)}`,
      '',
      `Default branch ${mdCode(r.defaultBranch, false)}${r.head ? ` at ${mdCode(r.head.slice(0, 7), false)}` : ''}: ${r.findings.length} credential(s).`,
      '',
      '| severity | credential | where | what it can do | status |',
      '|---|---|---|---|---|',
    );
    for (const id of r.findings) {
      const f = byId.get(id);
      if (f) lines.push(findingRow(f, r.name));
    }
    lines.push('');
  }
  const clean = repos.filter((r) => r.status === 'scanned' && r.findings.length === 0).length;
  if (clean) lines.push(`${clean} repositor${clean === 1 ? 'y' : 'ies'} without credentials.`, '');
  if (report.state?.resolved.length) {
    lines.push('### Fixed since the last run', '');
    for (const c of report.state.resolved)
      lines.push(
        `- ${cell(`${c.provider} ${c.kind}`)} ${mdCode(c.secret.redacted, false)} (${cell(c.repositories.join(', '))}), first seen ${c.firstSeen.slice(0, 10)}`,
      );
    lines.push('');
  }
  if (report.notes.length) {
    lines.push('<details><summary>Notes</summary>', '');
    for (const n of report.notes) lines.push(`- ${cell(n)}`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
