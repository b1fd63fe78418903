/**
 * Markdown for text tokenscope did not write (file and branch names, provider messages, names of
 * projects and repositories). GitHub renders job summaries and PR comments: such text must not
 * open a link, an image, HTML or a heading, break a table, notify a person (`@name`), point at an
 * issue (`#12`, `org/repo#12`) or become a link by itself (`https://...`, `www.`).
 *
 * Strings reach here already cleaned of control characters (sanitize.ts); the zero-width joiner
 * these functions insert is theirs, after cleaning.
 */

const ZWJ = '\u200d';

/**
 * What gives inline text a meaning in GitHub's Markdown: emphasis, code, links and images (`[`),
 * HTML and entities, table cells, strikethrough, math. Block syntax (`#`, `-`, `1.`) needs a line
 * start, which external text never has here (it follows a cell border or a list marker).
 */
const META = /[\\`*_{}[\]<>|&~$]/g;

/** Mentions, references and autolinks are found after rendering, in the text: break their shape. */
function neutralise(s: string): string {
  return s
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#/g, `#${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWJ}.`);
}

/** External text as inline Markdown: every metacharacter escaped, no mention, ref or autolink. */
export function mdText(s: string): string {
  return neutralise(s).replace(META, (c) => `\\${c}`);
}

/**
 * External text as a code span, whose fence no run of backticks inside can close. `inTable`:
 * GitHub ends a table cell at `|` even inside a code span unless it is escaped.
 */
export function mdCode(s: string, inTable = true): string {
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const body = inTable ? s.replace(/\|/g, '\\|') : s;
  // A space on each side when the content touches a backtick or is blank-edged (CommonMark strips one).
  const pad = /^[`\s]|[`\s]$/.test(body) || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
