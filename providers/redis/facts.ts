import type { Probe } from './commands.js';

/** How the permission of each dangerous command was learned. */
export type ProbeMethod = 'acl-dryrun' | 'multi-discard';

/** What the Redis inspector learned; the scope, risks and remediation read only this. */
export interface RedisFacts {
  /** host:port/db, no credentials. */
  place: string;
  user: string;
  version: string | null;
  /** master or replica, from HELLO. */
  role: string | null;
  /** standalone, cluster or sentinel, from HELLO. */
  mode: string | null;
  tls: boolean;
  method: ProbeMethod | null;
  permitted: Probe[];
  denied: Probe[];
  /** Asked but not settled (an answer that was neither yes nor no), or never asked. */
  unsettled: Probe[];
  /** The host name the policy calls production, if any. */
  productionName: string | null;
}

export function redisFacts(facts: Record<string, unknown> | undefined): RedisFacts | undefined {
  const f = facts?.redis as RedisFacts | undefined;
  return f && typeof f.user === 'string' ? f : undefined;
}

/** Commands that destroy keys. */
export const DESTROYING: readonly Probe[] = ['flushall', 'flushdb', 'del'];
/** Commands that administer the server. */
export const ADMINISTERING: readonly Probe[] = ['config', 'shutdown'];

/** How each probe is named in reports. */
export const PROBE_WORDS: Record<Probe, string> = {
  flushall: 'FLUSHALL',
  flushdb: 'FLUSHDB',
  del: 'DEL',
  keys: 'KEYS',
  config: 'CONFIG SET',
  shutdown: 'SHUTDOWN',
  aclSetuser: 'ACL SETUSER',
};
