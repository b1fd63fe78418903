import { fingerprint } from '../core/secret.js';
import type { Candidate, Credential, Location } from '../core/types.js';

const locKey = (l: Location) => `${l.source}\0${l.path}\0${l.line}\0${l.commit ?? ''}`;

/**
 * Merges the candidates of one secret into one credential keyed by its fingerprint, carrying
 * every location and every name it was assigned to. The same token in 1,000 places is one
 * credential, inspected once.
 */
export function mergeCandidates(candidates: Iterable<Candidate>): Credential[] {
  const byFp = new Map<string, Credential & { seen: Set<string>; names: Set<string> }>();
  for (const c of candidates) {
    const fp = fingerprint(c.provider, c.secret);
    let cred = byFp.get(fp);
    if (!cred) {
      cred = {
        fingerprint: fp,
        ruleId: c.ruleId,
        provider: c.provider,
        kind: c.kind,
        secret: c.secret,
        parts: {},
        locations: [],
        contexts: [],
        seen: new Set(),
        names: new Set(),
      };
      byFp.set(fp, cred);
    }
    // A paired secret found in any one place completes the credential everywhere.
    for (const [k, v] of Object.entries(c.parts ?? {})) cred.parts[k] ??= v;
    const key = locKey(c.location);
    if (!cred.seen.has(key)) {
      cred.seen.add(key);
      cred.locations.push(c.location);
    }
    const ctxKey = `${c.context.name ?? ''}\0${c.context.section ?? ''}`;
    if ((c.context.name || c.context.section) && !cred.names.has(ctxKey)) {
      cred.names.add(ctxKey);
      cred.contexts.push(c.context);
    }
  }
  return [...byFp.values()].map(({ seen: _s, names: _n, ...cred }) => cred);
}
