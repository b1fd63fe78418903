import { PROVIDERS } from '../../providers/registry.js';
import type { RuleSpec } from '../core/rule.js';
import { renderOrgHtml } from '../report/html/org.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { cleanDeep } from '../report/sanitize.js';
import { renderTable } from '../report/table.js';
import { renderOrgMarkdown } from './markdown.js';
import type { OrgReport } from './types.js';

export type OrgFormat = 'table' | 'json' | 'sarif' | 'markdown' | 'html';

/** The org report in each format; SARIF and the table read the audit fields (paths are `repo/path`). */
export function renderOrg(raw: OrgReport, format: OrgFormat, extraRules: RuleSpec[] = []): string {
  // Repository names, branches and git's complaints come from the org; merged shards from files.
  const report = cleanDeep(raw);
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, [...PROVIDERS.flatMap((p) => p.rules), ...extraRules]);
    case 'markdown':
      return renderOrgMarkdown(report);
    case 'html':
      return renderOrgHtml(report);
    default: {
      const lines = (report.repositories ?? [])
        .filter((r) => r.status !== 'scanned')
        .map((r) => `  ${r.name}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
      const state = report.state
        ? `Since the last run: ${report.state.new.length} new, ${report.state.open.length} still open, ${report.state.resolved.length} fixed.\n`
        : '';
      return `${renderTable(report)}${state}${lines.length ? `Not scanned:\n${lines.join('\n')}\n` : ''}`;
    }
  }
}
