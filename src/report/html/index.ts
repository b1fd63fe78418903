import type { Report } from '../model.js';
import { card, filters, page, summary } from './page.js';

/** `--format html`: the report as one self-contained page. */
export function renderHtml(report: Report): string {
  const body = `<header>${summary(report)}${filters(report.findings)}</header>
<main id="findings">${report.findings.map((f) => card(f)).join('\n')}</main>`;
  return page(`tokenscope: ${report.target}`, body, true);
}
