import type { Capability, Scope } from '../../src/core/types.js';
import { attributeVia, type PostgresFacts } from './facts.js';

const ATTRIBUTE_WORDS = [
  ['superuser', 'SUPERUSER'],
  ['createrole', 'CREATEROLE'],
  ['createdb', 'CREATEDB'],
  ['replication', 'REPLICATION'],
  ['bypassrls', 'BYPASSRLS'],
] as const;

/** Role attributes, memberships and privileges, in PostgreSQL's own words. */
function permissions(f: PostgresFacts): string[] {
  const out: string[] = ATTRIBUTE_WORDS.filter(([k]) => f.attributes[k]).map(([, w]) => w);
  for (const m of f.memberships) out.push(`member of ${m.name}${m.depth > 1 ? ' (indirect)' : ''}`);
  for (const d of f.databases) {
    if (d.owner) out.push(`owner of database ${d.name}`);
    else if (d.create) out.push(`CREATE on database ${d.name}`);
  }
  for (const s of f.schemas) {
    if (s.owner) out.push(`owner of schema ${f.database}.${s.name}`);
    else if (s.create) out.push(`CREATE on schema ${f.database}.${s.name}`);
  }
  for (const t of f.tables) {
    const of = (n: number) => `${n} of ${t.tables} table${t.tables === 1 ? '' : 's'} in ${f.database}.${t.schema}`;
    if (t.owned > 0) out.push(`owner of ${of(t.owned)}`);
    for (const p of ['select', 'insert', 'update', 'delete', 'truncate'] as const) {
      if (t[p] > 0) out.push(`${p.toUpperCase()} on ${of(t[p])}`);
    }
  }
  return out;
}

/** Admin on the server, then delete/write/read per database and schema of the current database. */
function capabilities(f: PostgresFacts): Capability[] {
  const server = f.place.replace(/\/.*$/, '');
  const caps: Capability[] = [];
  // Production is per resource: the database it sits in (or the host) must be a production name.
  const add = (action: Capability['action'], resource: string, production: boolean) => {
    if (caps.some((c) => c.action === action && c.resource === resource)) return;
    caps.push({ action, resource, ...(production ? { environment: 'production', production: true } : {}) });
  };
  const here = f.productionName !== null;
  const serverHoldsProduction = here || f.productionDatabases.length > 0;
  if (f.attributes.superuser || attributeVia(f, 'superuser').length > 0)
    add('admin', `server ${server}`, serverHoldsProduction);
  if (f.attributes.createrole || attributeVia(f, 'createrole').length > 0)
    add('admin', `roles of ${server}`, serverHoldsProduction);
  const prod = (db: string) => (db === f.database ? here : f.productionDatabases.includes(db));
  for (const d of f.databases.filter((d) => d.owner)) add('delete', `database ${d.name}`, prod(d.name));
  for (const d of f.databases.filter((d) => d.create && !d.owner)) add('write', `database ${d.name}`, prod(d.name));
  for (const t of f.tables) {
    const resource = `schema ${f.database}.${t.schema}`;
    if (t.owned + t.delete + t.truncate > 0) add('delete', resource, here);
    if (t.insert + t.update > 0) add('write', resource, here);
    if (t.select > 0) add('read', resource, here);
  }
  for (const s of f.schemas.filter((s) => s.create)) add('write', `schema ${f.database}.${s.name}`, here);
  // Worst first, production first: reports show the first few admin and delete capabilities.
  const rank = { admin: 0, delete: 1, write: 2, read: 3 };
  return caps
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) => rank[a.c.action] - rank[b.c.action] || Number(!!b.c.production) - Number(!!a.c.production) || a.i - b.i,
    )
    .map(({ c }) => c);
}

const otherDatabases = (f: PostgresFacts) =>
  f.databases.filter((d) => d.connect && d.name !== f.database).map((d) => d.name);

export function scopeFrom(f: PostgresFacts): Scope {
  const server = f.place.replace(/\/.*$/, '');
  const superuser = f.attributes.superuser;
  return {
    identity: `${f.role}@${f.place}`,
    tokenType: `PostgreSQL ${superuser ? 'superuser' : 'role'}${f.replica ? ' on a read replica' : ''}`,
    permissions: permissions(f),
    capabilities: capabilities(f),
    reach: {
      servers: [server],
      databases: f.databases.filter((d) => d.connect).map((d) => d.name),
      schemas: f.schemas.filter((s) => s.usage).map((s) => `${f.database}.${s.name}`),
    },
    expiresAt: f.validUntil,
    unknowns: otherDatabases(f).length
      ? [
          {
            what: `tables in the other databases it can connect to (${otherDatabases(f).join(', ')})`,
            reason: `tokenscope reads only ${f.database}, the database the URL names`,
          },
        ]
      : [],
    facts: { postgres: f },
  };
}
