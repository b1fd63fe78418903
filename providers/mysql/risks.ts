import { assessFacts } from '../../src/assess/fact-rules.js';
import type { RiskSignal } from '../../src/core/types.js';
import { type MysqlFacts, mysqlFacts } from './facts.js';
import { type Grant, holds } from './grants.js';
import { levelOf, reachesProduction } from './scope.js';

const on = (gs: Grant[]) => [...new Set(gs.map(levelOf))].join(', ');

function destroy(f: MysqlFacts): RiskSignal[] {
  const grants = f.grants.filter((g) => holds(g, 'DROP') || holds(g, 'DELETE'));
  if (grants.length === 0) return [];
  const prod = grants.filter((g) => reachesProduction(f, g));
  const what = `account ${f.account} may DROP or DELETE on ${on(grants)}`;
  return [
    prod.length > 0
      ? {
          id: 'destructive-production-access',
          severity: 'critical',
          message: `${what}, production data included (${on(prod)}${prod.some((g) => g.database === '*') ? `: ${f.productionDatabases.join(', ') || 'a production host'}` : ''})`,
        }
      : { id: 'destructive-data-access', severity: 'high', message: what },
  ];
}

function admin(f: MysqlFacts): RiskSignal[] {
  const server = f.grants.filter((g) => g.database === '*');
  const all = server.some((g) => g.privileges.some((p) => p === 'ALL' || p === 'ALL PRIVILEGES'));
  const named = ['SUPER', 'FILE', 'SHUTDOWN'].filter((p) => server.some((g) => g.privileges.includes(p)));
  if (!all && named.length === 0) return [];
  const why = all ? 'holds ALL PRIVILEGES ON *.*' : `holds ${named.join(', ')} ON *.*`;
  return [
    {
      id: 'admin',
      severity: f.productionHost || f.productionDatabases.length > 0 ? 'critical' : 'high',
      message: `account ${f.account} ${why}: it administers the whole server (FILE reads and writes the server's files, SUPER overrides read_only)`,
    },
  ];
}

function escalate(f: MysqlFacts): RiskSignal[] {
  const how = [
    ...(f.grants.some((g) => g.grantOption)
      ? [`WITH GRANT OPTION on ${on(f.grants.filter((g) => g.grantOption))}`]
      : []),
    ...(f.grants.some((g) => g.database === '*' && holds(g, 'CREATE USER')) ? ['CREATE USER'] : []),
  ];
  if (how.length === 0) return [];
  return [
    {
      id: 'privilege-escalation',
      severity: 'high',
      message: `account ${f.account} holds ${how.join(' and ')}: it can create accounts or hand its privileges to others`,
    },
  ];
}

/** MySQL's risks, from the grants the inspector read. */
export const assessMysql = assessFacts(mysqlFacts, [destroy, admin, escalate]);
