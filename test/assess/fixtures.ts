import { Secret } from '../../src/core/secret.js';
import type { Capability, Credential, Inspection, SourceLabel, Verification } from '../../src/core/types.js';
import { emptyScope } from '../../src/inspect/run.js';

/** A credential found at one place per source label given (its secret is no real one). */
export function credentialAt(sources: SourceLabel[], ruleId = 'r', provider = 'p'): Credential {
  return {
    fingerprint: 'f'.repeat(24),
    ruleId,
    provider,
    kind: 'token',
    secret: new Secret('not-a-real-secret-value'),
    parts: {},
    locations: sources.map((source, i) => ({ path: `place-${i}`, line: 1, source })),
    contexts: [],
  };
}

/** An inspection with that outcome; a verified one has a scope with these capabilities. */
export function inspectionOf(verification: Verification, capabilities: Capability[] = []): Inspection {
  return {
    verification,
    reason: verification === 'verified' ? 'ok' : `${verification} for the test`,
    scope: verification === 'verified' ? { ...emptyScope(), capabilities } : null,
  };
}
