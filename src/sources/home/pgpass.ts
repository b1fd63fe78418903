import type { PgLogin } from '../postgres-url.js';

/** One login of ~/.pgpass, with its 1-based line. */
export interface PgpassEntry extends PgLogin {
  line: number;
}

/** Splits a line on `:` that is not escaped, undoing `\:` and `\\`. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else if (c === ':') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * ~/.pgpass: `hostname:port:database:username:password` per line (libpq's format). A `*` field
 * matches anything; it is kept as written (the host `*` then names no server to inspect).
 * Comment lines and lines without five fields are left out, as libpq does.
 */
export function pgpassEntries(text: string): PgpassEntry[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    if (!raw.trim() || raw.trimStart().startsWith('#')) return [];
    const f = fields(raw);
    if (f.length < 5 || !f[4]) return [];
    const [host, port, database, user] = f as [string, string, string, string];
    // A password may hold unescaped colons in practice: everything after the fourth field.
    const password = f.slice(4).join(':');
    return [{ host, port: port === '*' ? '5432' : port, database, user, password, line: i + 1 }];
  });
}
