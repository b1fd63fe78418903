import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { ADMINISTERING, DESTROYING, PROBE_WORDS, type RedisFacts, redisFacts } from './facts.js';

const words = (f: RedisFacts, list: readonly string[]) =>
  f.permitted
    .filter((p) => list.includes(p))
    .map((p) => PROBE_WORDS[p])
    .join(', ');

/** Redis's risks: destroying keys, administering the server, creating or widening ACL users. */
export function assessRedis(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = redisFacts(input.inspection.scope?.facts);
  if (!f) return [];
  const server = f.place.replace(/\/.*$/, '');
  const prod = f.productionName ? ` (production: "${f.productionName}")` : '';
  const out: RiskSignal[] = [];
  const destroying = words(f, DESTROYING);
  if (destroying) {
    out.push(
      f.productionName
        ? {
            id: 'destructive-production-access',
            severity: 'critical',
            message: `user "${f.user}" may run ${destroying} on ${server}: it can wipe the keyspace${prod}`,
          }
        : {
            id: 'destructive-data-access',
            severity: 'high',
            message: `user "${f.user}" may run ${destroying} on ${server}: it can wipe the keyspace`,
          },
    );
  }
  const administering = words(f, ADMINISTERING);
  if (administering) {
    out.push({
      id: 'admin',
      severity: f.productionName ? 'critical' : 'high',
      message: `user "${f.user}" may run ${administering} on ${server}: it can reconfigure or stop the server (CONFIG SET dir/dbfilename writes files on the host)${prod}`,
    });
  }
  if (f.permitted.includes('aclSetuser')) {
    out.push({
      id: 'privilege-escalation',
      severity: 'high',
      message: `user "${f.user}" may run ACL SETUSER on ${server}: it can create users or grant itself any command${prod}`,
    });
  }
  return out;
}
