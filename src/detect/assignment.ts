/**
 * The name a secret is assigned to, read from the text before it on its line:
 * `RAILWAY_TOKEN=`, `export X=`, `"token": "`, `api_key: `, `key := "`, `--token `.
 */
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]*)["'\]]?\s*(?::=|=>|=|:|\s)\s*["'`]?\s*$/;

export function assignmentName(linePrefix: string): string | undefined {
  const tail = linePrefix.length > 200 ? linePrefix.slice(-200) : linePrefix;
  const m = ASSIGNMENT.exec(tail);
  return m?.[1];
}
