/**
 * Reads the lines of SHOW GRANTS. Only the privileges, the level (`*.*`, a database, a table) and
 * WITH GRANT OPTION are kept: MariaDB prints the account's password hash in the same line
 * (`IDENTIFIED BY PASSWORD '*...'`), which is never kept or reported.
 */
export interface Grant {
  privileges: string[];
  /** '*' for server-wide grants. */
  database: string;
  /** '*' for a whole database. */
  table: string;
  grantOption: boolean;
}

export interface Grants {
  grants: Grant[];
  /** Roles granted to the account (`GRANT role TO user`), whose own grants are not read. */
  roles: string[];
}

const unquote = (s: string) => s.replace(/^[`'"]|[`'"]$/g, '').replace(/``/g, '`');

/** Splits at commas outside parentheses: `SELECT (a, b), INSERT` has two privileges. */
function splitPrivileges(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out
    .map((p) =>
      p
        .replace(/\s*\(.*\)\s*$/, '')
        .trim()
        .toUpperCase(),
    )
    .filter(Boolean);
}

const LEVEL = /^((?:`(?:[^`]|``)*`|[^.\s]+))\.((?:`(?:[^`]|``)*`|\S+))$/;
const PRIVILEGE_LINE = /^GRANT (.+?) ON (?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE BODY|PACKAGE) )?(\S+) TO /i;
const ROLE_LINE = /^GRANT ((?:`(?:[^`]|``)*`|[^\s@]+)) TO /i;

export function parseGrants(lines: string[]): Grants {
  const out: Grants = { grants: [], roles: [] };
  for (const raw of lines.slice(0, 1000)) {
    const line = raw.slice(0, 10_000);
    const m = PRIVILEGE_LINE.exec(line);
    if (m) {
      const level = LEVEL.exec(m[2]!);
      if (!level) continue;
      out.grants.push({
        privileges: splitPrivileges(m[1]!),
        database: unquote(level[1]!),
        table: unquote(level[2]!),
        grantOption: /\bWITH\b.*\bGRANT OPTION\b/i.test(line.slice(m[0].length)),
      });
      continue;
    }
    const role = ROLE_LINE.exec(line);
    if (role) out.roles.push(unquote(role[1]!).slice(0, 64));
  }
  return out;
}

/** A grant holds a privilege when it names it or grants ALL [PRIVILEGES]. */
export function holds(g: Grant, privilege: string): boolean {
  return g.privileges.includes(privilege) || g.privileges.includes('ALL PRIVILEGES') || g.privileges.includes('ALL');
}
