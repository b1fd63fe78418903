import { describe, expect, it } from '@jest/globals';
import { QUERIES } from '../../providers/postgres/queries.js';

/** The statement with its string literals and quoted identifiers blanked: what is left is SQL words. */
const words = (sql: string) => sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');

// Written from PostgreSQL's command list: anything that can change data, schema, roles, settings
// beyond this transaction, or the server's files.
const WRITES =
  /\b(INSERT|UPDATE|DELETE|TRUNCATE|MERGE|DROP|CREATE|ALTER|GRANT|REVOKE|COPY|LOCK|VACUUM|ANALYZE|CLUSTER|REINDEX|REFRESH|CALL|DO|COMMIT|PREPARE|LISTEN|NOTIFY|SECURITY|RESET|DISCARD|IMPORT|COMMENT|nextval|setval|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|lo_import|lo_export|pg_read_file|dblink)\b/i;

describe('the fixed list of statements the PostgreSQL inspector may send', () => {
  const entries = Object.entries(QUERIES);

  it('holds the transaction bracket and the catalog reads, nothing else', () => {
    expect(Object.keys(QUERIES).sort()).toEqual(
      ['begin', 'databases', 'memberships', 'role', 'rollback', 'schemas', 'statementTimeout', 'tables'].sort(),
    );
  });

  it('opens a read-only transaction and closes it with a rollback', () => {
    expect(QUERIES.begin).toBe('BEGIN TRANSACTION READ ONLY');
    expect(QUERIES.rollback).toBe('ROLLBACK');
  });

  for (const [name, sql] of entries) {
    it(`${name} is one SELECT, BEGIN ... READ ONLY or ROLLBACK, with no write in it`, () => {
      const text = sql.trim();
      expect(/^(SELECT\s|BEGIN TRANSACTION READ ONLY$|ROLLBACK$)/.test(text)).toBe(true);
      expect(words(text)).not.toContain(';');
      expect(words(text)).not.toMatch(WRITES);
      // The one setting it changes is transaction-local (set_config's third argument, is_local).
      if (/set_config/i.test(text)) expect(text).toMatch(/set_config\('statement_timeout', \$1, true\)/);
    });
  }

  it('the write check catches what it must catch (a statement that writes fails it)', () => {
    for (const bad of [
      'DELETE FROM t',
      'SELECT 1; DROP TABLE t',
      'WITH x AS (UPDATE t SET a = 1) SELECT 1',
      'SELECT nextval(1)',
    ]) {
      const text = words(bad);
      expect(text.includes(';') || WRITES.test(text) || !/^SELECT\s/.test(bad)).toBe(true);
    }
  });
});
