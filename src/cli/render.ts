import { writeAtomic } from '../report/write.js';
import { renderJson } from '../report/json.js';
import { renderHtml } from '../report/html/index.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { renderSarif } from '../report/sarif.js';
import { guardOutput } from '../report/sanitize.js';
import { renderTable } from '../report/table.js';
import type { RuleSpec } from '../core/rule.js';
import type { CliIO } from './io.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: Report, format: Format, rules: RuleSpec[]): string {
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
      return renderTable(report);
  }
}

/** To --output (atomically) or stdout; no line of it can be a workflow command (sanitize.ts). */
export function emit(text: string, output: string | undefined, io: CliIO): void {
  const safe = guardOutput(text);
  if (output) writeAtomic(output, safe);
  else io.stdout(safe);
}
