/**
 * Every statement the MySQL/MariaDB inspector may send, and nothing else: the session and then a
 * transaction made read-only, who we are, our grants, a rollback. None names a table or reads a
 * row. `run()` in inspect.ts takes a name from this list, never text; multipleStatements stays off,
 * so no statement can carry a second.
 */
export const MYSQL_QUERIES = {
  readOnlySession: 'SET SESSION TRANSACTION READ ONLY',
  begin: 'START TRANSACTION READ ONLY',
  whoami: 'SELECT CURRENT_USER() AS account, VERSION() AS version',
  grants: 'SHOW GRANTS FOR CURRENT_USER()',
  rollback: 'ROLLBACK',
} as const;

export type MysqlQueryName = keyof typeof MYSQL_QUERIES;

const TEXTS = new Set<string>(Object.values(MYSQL_QUERIES));

/** The last check before a statement leaves: exactly one of the list. */
export function isAllowedStatement(sql: string): boolean {
  return TEXTS.has(sql);
}
