import type { Confidence } from '../core/rule.js';
import type { Severity } from '../core/types.js';
import { type RiskClass, riskClass } from './breadth.js';
import type { Exposure } from './exposure.js';
import { mildest, stepBelow, worst } from './severity.js';

/**
 * Severity = exposure x breadth (README, "Severities"). The provider suggests a severity for each
 * risk; this table bounds it by where the credential was found, so that in any one kind of place
 * a live credential that can destroy or administer ranks strictly above one that cannot. The
 * policy's `severities` are applied after, and win.
 */

/** A risk that destroys or administers is at least this severe, by place. */
export const BROAD_FLOOR: Readonly<Record<Exposure, Severity>> = {
  committed: 'critical',
  local: 'high',
  // Credential stores are where credentials belong, but what runs as the user (an agent) reads
  // them: a broad one there is as urgent as one in a stray file.
  machine: 'high',
};

/** Any narrower risk is at most this severe: one step below the broad floor of the same place. */
export const NARROW_CAP: Readonly<Record<Exposure, Severity>> = {
  committed: stepBelow(BROAD_FLOOR.committed),
  local: stepBelow(BROAD_FLOOR.local),
  machine: stepBelow(BROAD_FLOOR.machine),
};

/**
 * A live credential in git: as severe as the worst narrow one there (its risks may raise it).
 * With the default `failOn: high`, it fails the gate.
 */
export const COMMITTED_LIVE: Severity = NARROW_CAP.committed;

/**
 * A credential that could not be inspected. Of a high-confidence kind, it is a real credential of
 * unknown reach: as severe as the worst narrow one in its place, so committed it fails the
 * default gate. Found by context only, one step milder. In a credential store or the
 * environment, where credentials are meant to be, it is low either way.
 */
export const UNINSPECTED: Readonly<Record<Exposure, Record<Confidence, Severity>>> = {
  committed: { high: NARROW_CAP.committed, context: stepBelow(NARROW_CAP.committed) },
  local: { high: NARROW_CAP.local, context: stepBelow(NARROW_CAP.local) },
  machine: { high: 'low', context: 'low' },
};

const NARROW: ReadonlySet<RiskClass> = new Set(['write', 'read', 'hygiene']);

/**
 * A provider's suggested severity for one risk, bounded by the place: raised to the broad floor
 * for a broad risk, lowered to the narrow cap for a narrow one. The risks tokenscope raises about
 * places (`place`), tripwires and ids not yet classified keep their own.
 */
export function bounded(riskId: string, suggested: Severity, exposure: Exposure): Severity {
  const cls = riskClass(riskId);
  if (cls === 'broad') return worst([suggested, BROAD_FLOOR[exposure]]);
  if (cls && NARROW.has(cls)) return mildest(suggested, NARROW_CAP[exposure]);
  return suggested;
}
