import type { Credential, Scope } from '../../src/core/types.js';
import { describeMysql, parseMysqlTarget } from './target.js';

/** Who and where, read from the URL alone. */
export function describeMysqlOffline(credential: Credential): Partial<Scope> | undefined {
  try {
    const t = parseMysqlTarget(credential.secret.reveal());
    const server = describeMysql(t).replace(/\/.*$/, '');
    return {
      identity: `${t.user}@${server}`,
      reach: { servers: [server], ...(t.database ? { databases: [t.database] } : {}) },
    };
  } catch {
    return undefined;
  }
}
