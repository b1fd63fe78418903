import type { Capability, Scope } from '../../src/core/types.js';
import { ADMINISTERING, DESTROYING, PROBE_WORDS, type RedisFacts } from './facts.js';

const METHOD_WORDS = {
  'acl-dryrun': 'ACL DRYRUN',
  'multi-discard': 'queued in a MULTI that was discarded',
} as const;

export function redisScope(f: RedisFacts): Scope {
  const server = f.place.replace(/\/.*$/, '');
  const production = f.productionName ? { environment: 'production', production: true } : {};
  const caps: Capability[] = [];
  const can = (p: (typeof f.permitted)[number]) => f.permitted.includes(p);
  if (ADMINISTERING.some(can)) caps.push({ action: 'admin', resource: `server ${server}`, ...production });
  if (can('aclSetuser')) caps.push({ action: 'admin', resource: `ACL users of ${server}`, ...production });
  if (DESTROYING.some(can)) caps.push({ action: 'delete', resource: `keys of ${server}`, ...production });
  if (can('keys')) caps.push({ action: 'read', resource: `key names of ${server}`, ...production });
  const unknowns: Scope['unknowns'] = [];
  if (f.method === null) {
    unknowns.push({
      what: 'which dangerous commands this user may run',
      reason: 'the user may neither run ACL DRYRUN nor MULTI, and tokenscope never runs a command to find out',
    });
  } else if (f.unsettled.length > 0) {
    unknowns.push({
      what: `whether it may run ${f.unsettled.map((p) => PROBE_WORDS[p]).join(', ')}`,
      reason:
        f.method === 'multi-discard'
          ? 'without ACL DRYRUN (Redis 7+, or a user allowed it) these are not asked: queueing them in a MULTI is not safe enough'
          : 'the server answered neither yes nor no',
    });
  }
  if (can('del')) {
    unknowns.push({
      what: 'which keys DEL reaches',
      reason: 'DEL was allowed on a probe key name; key patterns (~pattern) may narrow it elsewhere',
    });
  }
  return {
    identity: `${f.user}@${server}`,
    tokenType: `Redis ACL user${f.role === 'replica' ? ' on a replica' : ''}`,
    permissions: [
      ...f.permitted.map((p) => `may run ${PROBE_WORDS[p]}`),
      ...f.denied.map((p) => `may not run ${PROBE_WORDS[p]}`),
      ...(f.method ? [`learned by ${METHOD_WORDS[f.method]}`] : []),
    ],
    capabilities: caps,
    reach: {
      servers: [server],
      databases: [f.place.slice(server.length + 1) ? `db ${f.place.slice(server.length + 1)}` : 'db 0'],
    },
    expiresAt: null,
    unknowns,
    facts: { redis: f },
  };
}
