import type { AssessInput } from '../../src/core/provider.js';
import { redisFacts } from './facts.js';

/** The narrower credential: an ACL user with read commands only, on the key patterns it needs. */
export function remediateRedis(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = redisFacts(input.inspection.scope?.facts);
  if (!f || f.permitted.length === 0) return undefined;
  const reader = `${f.user}-readonly`.replace(/[^A-Za-z0-9_.-]/g, '_');
  return [
    `Give whatever uses this URL its own Redis ACL user that can only read, on the keys it needs, instead of "${f.user}" (https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/), for example:`,
    `  ACL SETUSER ${reader} on >'<a new password>' ~<key pattern>* resetchannels -@all +@read +@connection`,
    `  (or, for a writer that must never flush or reconfigure: +@all -@dangerous -@admin)`,
    `Then change the password of "${f.user}" (ACL SETUSER ${f.user} resetpass >...), since this one has been found in files.`,
  ].join('\n');
}
