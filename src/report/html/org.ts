import type { OrgReport } from '../../org/types.js';
import { esc } from './escape.js';
import { card, filters, page, summary } from './page.js';

/** The org report: a table of repositories, then the cards grouped by repository. */
export function renderOrgHtml(report: OrgReport): string {
  const repos = report.repositories ?? [];
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const rows = repos
    .map(
      (r) =>
        `<tr><td class="mono">${esc(r.fullName)}</td><td>${esc(r.status)}${r.reason ? `: ${esc(r.reason)}` : ''}</td><td>${r.findings.length}</td></tr>`,
    )
    .join('');
  const state = report.state
    ? `<p>Since the last run: <b>${report.state.new.length}</b> new, <b>${report.state.open.length}</b> still open, <b>${report.state.resolved.length}</b> fixed.</p>`
    : '';
  const sections = repos
    .filter((r) => r.findings.length > 0)
    .map((r) => {
      const cards = r.findings
        .map((id) => byId.get(id))
        .filter((f) => f !== undefined)
        .map((f) =>
          card(
            f,
            f.state
              ? `<div class="meta">${esc(f.state)}${f.openForDays !== undefined ? `, open for ${esc(f.openForDays)} day(s)` : ''}</div>`
              : '',
          ),
        )
        .join('\n');
      return `<section><h2 class="mono">${esc(r.fullName)}</h2>${cards}</section>`;
    })
    .join('\n');
  const body = `<header>${summary(report)}${state}<table><tr><th>repository</th><th>status</th><th>credentials</th></tr>${rows}</table>${filters(report.findings)}</header>
<main id="findings">${sections}</main>`;
  return page(`tokenscope: ${report.org?.name ?? report.target}`, body, true);
}
