import type { AssessInput } from '../../src/core/provider.js';
import { postgresFacts, sum } from './facts.js';

/** A PostgreSQL identifier, quoted only when it must be. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

const canWrite = (f: NonNullable<ReturnType<typeof postgresFacts>>) =>
  f.attributes.superuser ||
  f.memberships.some((m) => m.superuser) ||
  sum(f, 'owned') + sum(f, 'insert') + sum(f, 'update') + sum(f, 'delete') + sum(f, 'truncate') > 0 ||
  f.schemas.some((s) => s.create) ||
  f.databases.some((d) => d.create || d.owner);

/**
 * The narrower credential: a read-only role holding SELECT on the schemas this one reads (the
 * GRANT recipe is in the text), or the same reads through a read replica.
 */
export function remediatePostgres(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = postgresFacts(input.inspection.scope?.facts);
  if (!f || !canWrite(f)) return undefined;
  const schemas = f.tables.filter((t) => t.tables > 0).map((t) => ident(t.schema));
  const list = (schemas.length > 0 ? schemas : ['public']).join(', ');
  const reader = ident(`${f.role}_readonly`);
  const recipe = [
    `CREATE ROLE ${reader} LOGIN PASSWORD '<a new password>';`,
    `GRANT CONNECT ON DATABASE ${ident(f.database)} TO ${reader};`,
    `GRANT USAGE ON SCHEMA ${list} TO ${reader};`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${list} TO ${reader};`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${list} GRANT SELECT ON TABLES TO ${reader}; -- run as the tables' owner`,
    `ALTER ROLE ${reader} SET default_transaction_read_only = on;`,
  ];
  return [
    `Give whatever uses this URL a read-only role instead of "${f.role}" (at ${f.place}), for example:`,
    ...recipe.map((l) => `  ${l}`),
    `Or point it at a read replica, which refuses every write. Then change the password of "${f.role}" (ALTER ROLE ... PASSWORD), since this one has been found in files.`,
  ].join('\n');
}
