import { appendFileSync } from 'node:fs';
import { renderMarkdown } from '../report/markdown.js';
import { mdText } from '../report/md.js';
import type { Report } from '../report/model.js';
import { cleanText } from '../report/sanitize.js';

/** The description names branches, notes name paths: neither may render as Markdown (md.ts). */
const plain = (s: string) => mdText(cleanText(s));

/** The markdown report (its notes folded in it) and what was scanned. */
export function summaryMarkdown(report: Report, description: string): string {
  const lines = [renderMarkdown(report).trimEnd(), '', `**Scanned:** ${plain(description)}.`];
  return `${lines.join('\n')}\n`;
}

/**
 * The job summary, appended to the file the runner names (GITHUB_STEP_SUMMARY). Written here
 * rather than through core.summary, whose buffer and cached path outlive one run in tests.
 */
export function writeSummary(markdown: string, file: string | undefined): boolean {
  if (!file) return false;
  appendFileSync(file, markdown, 'utf8');
  return true;
}
