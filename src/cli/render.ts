import { writeAtomic } from '../report/write.js';
import { renderJson } from '../report/json.js';
import { renderHtml } from '../report/html/index.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { renderSarif } from '../report/sarif.js';
import { guardOutput } from '../report/sanitize.js';
import { renderTable, type TableView } from '../report/table.js';
import type { RuleSpec } from '../core/rule.js';
import type { CliIO } from './io.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: Report, format: Format, rules: RuleSpec[], view?: TableView): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, rules);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    default:
      return renderTable(report, view);
  }
}

/**
 * The table as this terminal shows it: wrapped to its width, severities coloured only on a terminal,
 * never into a file, and never when NO_COLOR is set to anything (https://no-color.org) or TERM is dumb.
 */
export function tableView(io: CliIO, output: string | undefined): TableView {
  const noColor = (io.env.NO_COLOR ?? '') !== '' || io.env.TERM === 'dumb';
  return { width: io.columns ?? 160, color: Boolean(io.stdoutIsTTY) && !output && !noColor };
}

/** To --output (atomically) or stdout; no line of it can be a workflow command (sanitize.ts). */
export function emit(text: string, output: string | undefined, io: CliIO): void {
  const safe = guardOutput(text);
  if (output) writeAtomic(output, safe);
  else io.stdout(safe);
}
