/**
 * The name a secret is assigned to, read from the text before it on its line:
 * `RAILWAY_TOKEN=`, `export X=`, `"token": "`, `api_key: `, `key := "`, `--token `.
 * Read backwards by hand rather than with an end-anchored regex, which backtracks quadratically.
 */
const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_.-]/;
const SPACE = /\s/;

export function assignmentName(linePrefix: string): string | undefined {
  const s = linePrefix.length > 200 ? linePrefix.slice(-200) : linePrefix;
  let i = s.length - 1;
  const skipSpace = () => {
    while (i >= 0 && SPACE.test(s[i]!)) i--;
  };
  skipSpace();
  if (i >= 0 && '"\'`'.includes(s[i]!)) i--;
  skipSpace();
  // The separator: `:=`, `=>`, `=`, `:`, or plain white space (`--token abc`).
  const sepEnd = i;
  if (s.slice(i - 1, i + 1) === ':=' || s.slice(i - 1, i + 1) === '=>') i -= 2;
  else if (s[i] === '=' || s[i] === ':') i--;
  else if (i === s.length - 1 || !SPACE.test(s[i + 1] ?? '')) return undefined;
  if (i === sepEnd && !SPACE.test(s[i + 1] ?? '')) return undefined;
  skipSpace();
  if (i >= 0 && s[i] === ']') i--;
  if (i >= 0 && '"\''.includes(s[i]!)) i--;
  const end = i + 1;
  while (i >= 0 && IDENT.test(s[i]!)) i--;
  let start = i + 1;
  // A name starts with a letter or underscore: `--token` names `token`.
  while (start < end && !IDENT_START.test(s[start]!)) start++;
  return start < end ? s.slice(start, end) : undefined;
}
