/**
 * Every statement the PostgreSQL inspector may send, and nothing else: a read-only transaction,
 * catalog reads, a rollback. A test asserts each is a SELECT, a BEGIN READ ONLY or a ROLLBACK, and
 * another reads the server log to prove these were all the session ran. Each runs through the
 * extended protocol (one statement per message), so none can carry a second statement.
 *
 * Schemas whose names start with pg_ and information_schema are the system's own and are left out.
 */
export const QUERIES = {
  /** Read-only from the first statement on: any write inside fails with SQLSTATE 25006. */
  begin: 'BEGIN TRANSACTION READ ONLY',
  /** The server stops any statement that runs longer; local to this transaction (no startup parameter, so poolers accept it). */
  statementTimeout: "SELECT set_config('statement_timeout', $1, true) AS statement_timeout",

  /** Who we are, the role's attributes, and whether this server is a replica. */
  role: `SELECT current_user::text AS role, current_database()::text AS database,
  r.rolsuper AS superuser, r.rolcreaterole AS createrole, r.rolcreatedb AS createdb,
  r.rolreplication AS replication, r.rolbypassrls AS bypassrls,
  CASE WHEN r.rolvaliduntil IS NULL OR NOT isfinite(r.rolvaliduntil) THEN NULL
       ELSE to_char(r.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END AS valid_until,
  pg_is_in_recovery() AS in_recovery,
  current_setting('server_version') AS server_version
FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`,

  /** Every role granted to ours, directly or through others (pg_auth_members, recursively), with their attributes. */
  memberships: `SELECT r.rolname::text AS name, m.depth, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
  r.rolcreatedb AS createdb, r.rolbypassrls AS bypassrls
FROM (
  WITH RECURSIVE granted(roleid, depth) AS (
    SELECT a.roleid, 1 FROM pg_catalog.pg_auth_members a
      JOIN pg_catalog.pg_roles me ON me.oid = a.member WHERE me.rolname = current_user
    UNION
    SELECT a.roleid, g.depth + 1 FROM pg_catalog.pg_auth_members a
      JOIN granted g ON a.member = g.roleid WHERE g.depth < 32
  )
  SELECT roleid, min(depth) AS depth FROM granted GROUP BY roleid
) m JOIN pg_catalog.pg_roles r ON r.oid = m.roleid
ORDER BY m.depth, r.rolname LIMIT 500`,

  /** Databases it can connect to, create schemas in, or owns (an owner can DROP DATABASE). */
  databases: `SELECT d.datname::text AS name,
  has_database_privilege(d.oid, 'CONNECT') AS "connect",
  has_database_privilege(d.oid, 'CREATE') AS "create",
  pg_has_role(d.datdba, 'USAGE') AS owner
FROM pg_catalog.pg_database d
WHERE d.datallowconn AND NOT d.datistemplate
ORDER BY d.datname LIMIT 1000`,

  /** In the current database: schemas it can use, create in, or owns. */
  schemas: `SELECT n.nspname::text AS name,
  has_schema_privilege(n.oid, 'USAGE') AS "usage",
  has_schema_privilege(n.oid, 'CREATE') AS "create",
  pg_has_role(n.nspowner, 'USAGE') AS owner
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
ORDER BY n.nspname LIMIT 1000`,

  /**
   * In the current database, per schema: how many tables it owns (and so can DROP) and on how many
   * it holds each privilege; a privilege counts only where the role may use the schema. The first
   * few names of the tables it can empty are kept for the report.
   */
  tables: `SELECT t.schema::text AS schema, count(*)::int AS tables,
  count(*) FILTER (WHERE t.owner)::int AS owned,
  count(*) FILTER (WHERE t.usage AND has_table_privilege(t.oid, 'SELECT'))::int AS "select",
  count(*) FILTER (WHERE t.usage AND has_table_privilege(t.oid, 'INSERT'))::int AS "insert",
  count(*) FILTER (WHERE t.usage AND has_table_privilege(t.oid, 'UPDATE'))::int AS "update",
  count(*) FILTER (WHERE t.usage AND has_table_privilege(t.oid, 'DELETE'))::int AS "delete",
  count(*) FILTER (WHERE t.usage AND has_table_privilege(t.oid, 'TRUNCATE'))::int AS "truncate",
  (array_agg(t.name::text ORDER BY t.name) FILTER (WHERE t.owner OR (t.usage AND (
    has_table_privilege(t.oid, 'DELETE') OR has_table_privilege(t.oid, 'TRUNCATE')))))[1:5] AS destroyable
FROM (
  SELECT c.oid, c.relname AS name, n.nspname AS schema,
    pg_has_role(c.relowner, 'USAGE') AS owner,
    has_schema_privilege(n.oid, 'USAGE') AS usage
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
) t
GROUP BY t.schema ORDER BY t.schema LIMIT 1000`,

  /** Ends the transaction: nothing was written, nothing is kept. */
  rollback: 'ROLLBACK',
} as const;

export type QueryName = keyof typeof QUERIES;
