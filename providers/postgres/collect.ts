import type pg from 'pg';
import type { DatabaseAccess, Membership, PostgresFacts, SchemaAccess, TableCounts } from './facts.js';
import { QUERIES, type QueryName } from './queries.js';

/**
 * Sends one of the fixed statements, by name: the inspector cannot build SQL of its own. The
 * extended protocol takes one statement per message, so a statement can never smuggle a second.
 */
async function run<R extends pg.QueryResultRow>(client: pg.Client, name: QueryName, values: unknown[] = []) {
  const config = { text: QUERIES[name], values, queryMode: 'extended' } as pg.QueryConfig;
  const result = await client.query<R>(config);
  return result.rows;
}

interface RoleRow {
  role: string;
  database: string;
  superuser: boolean;
  createrole: boolean;
  createdb: boolean;
  replication: boolean;
  bypassrls: boolean;
  valid_until: string | null;
  in_recovery: boolean;
  server_version: string;
}

export type Learned = Omit<PostgresFacts, 'place' | 'productionName' | 'productionDatabases' | 'ssl'>;

/**
 * The catalog reads, inside one read-only transaction that is always rolled back. Runs on an open
 * session; the caller closes it.
 */
export async function collect(client: pg.Client, statementMs: number): Promise<Learned> {
  await run(client, 'begin');
  try {
    await run(client, 'statementTimeout', [String(statementMs)]);
    const [me] = await run<RoleRow>(client, 'role');
    if (!me) throw new Error('the server does not list the current role in pg_roles');
    const memberships = await run<Membership>(client, 'memberships');
    const databases = await run<DatabaseAccess>(client, 'databases');
    const schemas = await run<SchemaAccess>(client, 'schemas');
    const tables = await run<TableCounts & { destroyable: string[] | null }>(client, 'tables');
    return {
      role: me.role,
      database: me.database,
      attributes: {
        superuser: me.superuser,
        createrole: me.createrole,
        createdb: me.createdb,
        replication: me.replication,
        bypassrls: me.bypassrls,
      },
      validUntil: me.valid_until,
      memberships,
      databases,
      schemas,
      tables: tables.map((t) => ({ ...t, destroyable: t.destroyable ?? [] })),
      replica: me.in_recovery,
      serverVersion: me.server_version,
    };
  } finally {
    await run(client, 'rollback').catch(() => undefined);
  }
}
