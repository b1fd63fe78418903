/** One `machine` (or `default`) entry of a netrc file, with the raw lines it spans. */
export interface NetrcEntry {
  host: string;
  firstLine: number;
  text: string;
}

/**
 * Splits ~/.netrc into its entries. netrc is a stream of whitespace-separated tokens, where
 * `machine NAME` or `default` starts an entry and `macdef` runs to the next blank line; an entry
 * may sit on one line or on many. Each entry keeps the raw text of its lines.
 */
export function netrcEntries(text: string): NetrcEntry[] {
  const lines = text.split(/\r?\n/);
  const starts: Array<{ host: string; line: number }> = [];
  let inMacro = false;
  let expectHost = false;
  lines.forEach((line, i) => {
    if (inMacro) {
      if (line.trim() === '') inMacro = false;
      return;
    }
    for (const tok of line.trim().split(/\s+/).filter(Boolean)) {
      if (tok.startsWith('#') && !expectHost) break;
      if (expectHost) {
        starts.push({ host: tok, line: i });
        expectHost = false;
      } else if (tok === 'machine') expectHost = true;
      else if (tok === 'default') starts.push({ host: 'default', line: i });
      else if (tok === 'macdef') {
        inMacro = true;
        break;
      }
    }
  });
  return starts.map((s, k) => {
    // An entry runs to the line before the next entry starts (or to the end).
    const next = starts[k + 1];
    const end = next ? (next.line === s.line ? s.line + 1 : next.line) : lines.length;
    return { host: s.host, firstLine: s.line + 1, text: lines.slice(s.line, Math.max(end, s.line + 1)).join('\n') };
  });
}
