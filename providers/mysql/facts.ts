import type { Grant } from './grants.js';

/** What the MySQL inspector learned; the scope, risks and remediation read only this. */
export interface MysqlFacts {
  /** host:port/database, no credentials. */
  place: string;
  /** CURRENT_USER(): `user@host pattern`. */
  account: string;
  version: string;
  database: string;
  grants: Grant[];
  roles: string[];
  /** Databases named in grants (or the URL's, for server-wide ones) that the policy calls production. */
  productionDatabases: string[];
  /** The host is a production name: everything on it counts as production. */
  productionHost: boolean;
  tls: boolean;
}

export function mysqlFacts(facts: Record<string, unknown> | undefined): MysqlFacts | undefined {
  const f = facts?.mysql as MysqlFacts | undefined;
  return f && typeof f.account === 'string' ? f : undefined;
}
