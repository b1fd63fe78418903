import type { Capability, Scope } from '../../src/core/types.js';
import type { MysqlFacts } from './facts.js';
import { type Grant, holds } from './grants.js';

const SERVER_ADMIN = ['SUPER', 'FILE', 'SHUTDOWN', 'CREATE USER', 'RELOAD', 'PROCESS'];
const DESTROY = ['DROP', 'DELETE'];
const WRITE = ['INSERT', 'UPDATE', 'CREATE', 'ALTER', 'INDEX', 'CREATE VIEW', 'EVENT', 'TRIGGER'];

/** `*.*`, `shop.*` or `shop.orders`, as MySQL writes levels. */
export const levelOf = (g: Grant) => `${g.database}.${g.table}`;

/** A grant's resource: the server, a database or a table. */
function resource(f: MysqlFacts, g: Grant): string {
  const server = f.place.replace(/\/.*$/, '');
  if (g.database === '*') return `server ${server}`;
  return g.table === '*' ? `database ${g.database}` : `table ${g.database}.${g.table}`;
}

/** Whether a grant reaches production: a production database, or anything on a production host or server-wide with one. */
export function reachesProduction(f: MysqlFacts, g: Grant): boolean {
  if (f.productionHost) return true;
  return g.database === '*' ? f.productionDatabases.length > 0 : f.productionDatabases.includes(g.database);
}

function capabilities(f: MysqlFacts): Capability[] {
  const caps: Capability[] = [];
  const add = (action: Capability['action'], g: Grant) => {
    const r = resource(f, g);
    if (caps.some((c) => c.action === action && c.resource === r)) return;
    caps.push({
      action,
      resource: r,
      ...(reachesProduction(f, g) ? { environment: 'production', production: true } : {}),
    });
  };
  for (const g of f.grants) {
    if (g.database === '*' && (SERVER_ADMIN.some((p) => holds(g, p)) || g.grantOption)) add('admin', g);
    if (DESTROY.some((p) => holds(g, p))) add('delete', g);
    if (WRITE.some((p) => holds(g, p))) add('write', g);
    if (holds(g, 'SELECT')) add('read', g);
  }
  const rank = { admin: 0, delete: 1, write: 2, read: 3 };
  return caps.sort((a, b) => rank[a.action] - rank[b.action] || Number(!!b.production) - Number(!!a.production));
}

export function mysqlScope(f: MysqlFacts): Scope {
  const server = f.place.replace(/\/.*$/, '');
  const unknowns: Scope['unknowns'] = [];
  if (f.roles.length > 0) {
    unknowns.push({
      what: `the privileges of the roles granted to it (${f.roles.join(', ')})`,
      reason: 'SHOW GRANTS FOR CURRENT_USER() names granted roles; their own grants are not read',
    });
  }
  return {
    identity: `${f.account}@${server}`,
    tokenType: `${/mariadb/i.test(f.version) ? 'MariaDB' : 'MySQL'} account`,
    permissions: f.grants.map(
      (g) => `${g.privileges.join(', ')} ON ${levelOf(g)}${g.grantOption ? ' WITH GRANT OPTION' : ''}`,
    ),
    capabilities: capabilities(f),
    reach: {
      servers: [server],
      databases: [...new Set(f.grants.map((g) => g.database).filter((d) => d !== '*'))],
    },
    expiresAt: null,
    unknowns,
    facts: { mysql: f },
  };
}
