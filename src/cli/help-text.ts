/**
 * yargs' ESM build wraps help by cutting every `width` characters, mid-word ("untrusted conten/t",
 * "http/s://"). It is asked not to wrap (`.wrap(null)`), and its lines are wrapped here at word
 * boundaries, continuation lines indented under the description column.
 */
export function wrapHelp(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  // The description starts after the flag column: the first run of two or more spaces after text.
  const column = /^(\s*\S.*?\s{2,})\S/.exec(line)?.[1]?.length ?? /^\s*/.exec(line)?.[0].length ?? 0;
  const indent = ' '.repeat(column < width / 2 ? column : 4);
  const out: string[] = [];
  let current = line.slice(0, column).trimEnd();
  let fresh = true;
  for (const word of line.slice(column).split(/\s+/).filter(Boolean)) {
    const joined = `${current}${fresh ? ' '.repeat(column - current.length) : ' '}${word}`;
    if (joined.length <= width || (fresh && current.trim() === '')) {
      current = joined;
    } else {
      out.push(current);
      current = `${indent}${word}`;
    }
    fresh = false;
  }
  out.push(current);
  return out;
}

/**
 * yargs names an unknown flag twice, as typed and camel-cased ("bogus-flag, bogusFlag"): each once,
 * as typed.
 */
export function unknownArguments(message: string): string {
  const m = /^Unknown arguments?: (.*)$/.exec(message);
  if (!m) return message;
  const names = m[1]!.split(', ');
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const kept = names.filter((n) => !names.some((other) => other !== n && other.includes('-') && camel(other) === n));
  const flags = kept.map((n) => (n.length === 1 ? `-${n}` : `--${n}`));
  return `Unknown argument${flags.length === 1 ? '' : 's'}: ${flags.join(', ')}`;
}
