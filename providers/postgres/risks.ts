import { assessFacts } from '../../src/assess/fact-rules.js';
import type { RiskSignal, Severity } from '../../src/core/types.js';
import { attributeVia, type PostgresFacts, postgresFacts, sum } from './facts.js';

/** `a, b, c and 4 more` */
function listSome(items: string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "(production: database name "shop_production")", or nothing. */
function productionNote(f: PostgresFacts): string {
  return f.productionName ? ` (production: "${f.productionName}")` : '';
}

/** On a replica the server refuses writes, yet the same role and password work on its primary. */
const onReplica = (f: PostgresFacts, what: string) =>
  f.replica ? `this server is a read replica and refuses writes, but the same role ${what} on its primary` : '';

function superuser(f: PostgresFacts): RiskSignal[] {
  const via = attributeVia(f, 'superuser');
  if (!f.attributes.superuser && via.length === 0) return [];
  const who = f.attributes.superuser
    ? `role "${f.role}" is a superuser`
    : `role "${f.role}" can SET ROLE to superuser ${listSome(via.map((v) => `"${v}"`))}`;
  return [
    {
      id: 'db-superuser',
      severity: 'critical',
      message: `${who} on ${f.place.replace(/\/.*$/, '')}: it can read, change and drop every database, create roles, and run programs on the server${productionNote(f)}`,
    },
  ];
}

function destroy(f: PostgresFacts): RiskSignal[] {
  const tables = f.tables.filter((t) => t.owned + t.delete + t.truncate > 0);
  const ownedDatabases = f.databases.filter((d) => d.owner).map((d) => d.name);
  if (tables.length === 0 && ownedDatabases.length === 0) return [];
  const parts: string[] = [];
  if (tables.length > 0) {
    const count = tables.reduce((n, t) => n + Math.max(t.owned, t.delete, t.truncate), 0);
    const named = tables.map((t) => `${t.schema}: ${listSome(t.destroyable, 3)}`);
    parts.push(`drop or empty ${plural(count, 'table')} in ${f.database} (${named.join('; ')})`);
  }
  if (ownedDatabases.length > 0) parts.push(`drop database ${listSome(ownedDatabases)}`);
  const how = [
    sum(f, 'owned') > 0 ? 'owns tables' : '',
    sum(f, 'truncate') > 0 ? 'holds TRUNCATE' : '',
    sum(f, 'delete') > 0 ? 'holds DELETE' : '',
    ownedDatabases.length > 0 ? 'owns databases' : '',
  ].filter(Boolean);
  const base: Severity = f.productionName ? 'critical' : 'high';
  const replica = onReplica(f, 'can');
  return [
    {
      id: 'db-can-destroy',
      severity: f.replica ? (f.productionName ? 'high' : 'medium') : base,
      message: `${replica ? `${replica}: ` : 'can '}${parts.join(', and ')}; it ${how.join(', ')}${productionNote(f)}`,
    },
  ];
}

function notReadOnly(f: PostgresFacts): RiskSignal[] {
  const writes = (['insert', 'update', 'delete', 'truncate'] as const).filter((p) => sum(f, p) > 0);
  const owned = sum(f, 'owned');
  const createIn = [
    ...f.schemas.filter((s) => s.create).map((s) => `schema ${f.database}.${s.name}`),
    ...f.databases.filter((d) => d.create).map((d) => `database ${d.name}`),
  ];
  if (writes.length === 0 && owned === 0 && createIn.length === 0) return [];
  const holds = [
    ...writes.map((p) => `${p.toUpperCase()} on ${plural(sum(f, p), 'table')}`),
    ...(owned > 0 ? [`ownership of ${plural(owned, 'table')}`] : []),
    ...(createIn.length > 0 ? [`CREATE in ${listSome(createIn)}`] : []),
  ];
  const severity: Severity = f.replica ? 'low' : f.productionName ? 'high' : 'medium';
  const replica = onReplica(f, 'writes');
  return [
    {
      id: 'db-not-read-only',
      severity,
      message: `not read-only: role "${f.role}" holds ${holds.join(', ')}${productionNote(f)}${replica ? `; ${replica}` : ''}`,
    },
  ];
}

function createRoles(f: PostgresFacts): RiskSignal[] {
  if (f.attributes.superuser) return [];
  const via = attributeVia(f, 'createrole');
  if (!f.attributes.createrole && via.length === 0) return [];
  const how = f.attributes.createrole ? 'has CREATEROLE' : `can SET ROLE to ${listSome(via)}, which has CREATEROLE`;
  return [
    {
      id: 'db-can-create-roles',
      severity: 'high',
      message: `role "${f.role}" ${how}: it can create, alter and drop other roles, and grant itself their privileges`,
    },
  ];
}

function bypassesRls(f: PostgresFacts): RiskSignal[] {
  if (f.attributes.superuser) return [];
  const via = attributeVia(f, 'bypassrls');
  if (!f.attributes.bypassrls && via.length === 0) return [];
  const how = f.attributes.bypassrls ? 'has BYPASSRLS' : `can SET ROLE to ${listSome(via)}, which has BYPASSRLS`;
  return [
    {
      id: 'db-bypasses-rls',
      severity: f.productionName ? 'high' : 'medium',
      message: `role "${f.role}" ${how}: row-level security policies do not limit what it reads or changes${productionNote(f)}`,
    },
  ];
}

/** PostgreSQL's own risks, from the facts the inspector kept. */
export const assessPostgres = assessFacts(postgresFacts, [superuser, destroy, notReadOnly, createRoles, bypassesRls]);
