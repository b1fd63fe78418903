/**
 * --repos-filter: a shell-style glob over repository names (`*` any run of characters, `?` one
 * character, `{a,b}` alternatives), case-insensitive like GitHub's names. Several globs may be
 * given separated by commas; a glob starting with `!` excludes.
 */
export function repoFilter(spec: string): (name: string) => boolean {
  const globs = splitTopLevel(spec)
    .map((g) => g.trim())
    .filter(Boolean);
  const include = globs.filter((g) => !g.startsWith('!')).map(toRegExp);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => toRegExp(g.slice(1)));
  return (name) => (include.length === 0 || include.some((r) => r.test(name))) && !exclude.some((r) => r.test(name));
}

/** Commas inside braces belong to the alternatives, not to the list. */
function splitTopLevel(spec: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of spec) {
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function toRegExp(glob: string): RegExp {
  let re = '';
  let depth = 0;
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '{') {
      depth++;
      re += '(?:';
    } else if (ch === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (ch === ',' && depth > 0) re += '|';
    else re += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}${')'.repeat(depth)}$`, 'i');
}
