import type { Credential, Scope } from '../../src/core/types.js';
import { describeTarget, parseTarget } from './target.js';

/** Who and where, read from the URL alone: what an offline run can still say. */
export function describePostgresOffline(credential: Credential): Partial<Scope> | undefined {
  try {
    const t = parseTarget(credential.secret.reveal());
    const place = describeTarget(t);
    return {
      identity: `${t.user}@${place}`,
      reach: { servers: [place.replace(/\/.*$/, '')], databases: [t.database] },
    };
  } catch {
    return undefined;
  }
}
