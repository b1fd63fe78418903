import type { Candidate } from '../../src/core/types.js';

const SECRET_RULES = new Set(['aws-secret-access-key', 'aws-secret-access-key-nearby']);

function nearest(key: Candidate, pool: Candidate[], maxLines: number): Candidate | undefined {
  let best: Candidate | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of pool) {
    const d = Math.abs(c.location.line - key.location.line);
    if (d <= maxLines && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Pairs each key id in a fragment with its secret access key (and an ASIA key with its session
 * token): the nearest one, any distance when named `aws_secret_access_key`, three lines when not.
 * The pair becomes one credential keyed by the key id; unpaired secrets stay findings of their own.
 */
export function combineAws(candidates: Candidate[]): Candidate[] {
  const keys = candidates.filter((c) => c.ruleId === 'aws-access-key-id');
  // The same secret found by name and by proximity is one secret; keep the named match.
  const secrets: Candidate[] = [];
  for (const c of candidates.filter((x) => SECRET_RULES.has(x.ruleId))) {
    const dup = secrets.find((s) => s.secret.equals(c.secret));
    if (!dup) secrets.push(c);
  }
  const tokens = candidates.filter((c) => c.ruleId === 'aws-session-token');
  const used = new Set<Candidate>();
  for (const key of keys) {
    const free = (list: Candidate[]) => list.filter((c) => !used.has(c));
    const named = free(secrets).filter((c) => c.ruleId === 'aws-secret-access-key');
    const secret = nearest(key, free(secrets), 3) ?? nearest(key, named, Number.POSITIVE_INFINITY);
    if (secret) {
      used.add(secret);
      key.parts ??= {};
      key.parts.secretAccessKey = secret.secret;
    }
    if (key.secret.reveal().startsWith('ASIA')) {
      const token = nearest(key, free(tokens), 5) ?? nearest(key, free(tokens), Number.POSITIVE_INFINITY);
      if (token) {
        used.add(token);
        key.parts ??= {};
        key.parts.sessionToken = token.secret;
      }
    }
  }
  const rest = candidates.filter((c) => !used.has(c) && (!SECRET_RULES.has(c.ruleId) || secrets.includes(c)));
  return rest;
}
