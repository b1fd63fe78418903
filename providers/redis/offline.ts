import type { Credential, Scope } from '../../src/core/types.js';
import { describeRedis, parseRedisTarget } from './target.js';

/** Who and where, read from the URL alone: what an offline run can still say. */
export function describeRedisOffline(credential: Credential): Partial<Scope> | undefined {
  try {
    const t = parseRedisTarget(credential.secret.reveal());
    const place = describeRedis(t);
    return {
      identity: `${t.user ?? 'default'}@${place.replace(/\/.*$/, '')}`,
      reach: { servers: [place.replace(/\/.*$/, '')] },
    };
  } catch {
    return undefined;
  }
}
