import type { Policy } from '../assess/policy.js';
import { worst } from '../assess/severity.js';
import type { Provider } from '../core/provider.js';
import type { Finding, Inspection, Risk } from '../core/types.js';
import type { CachedInspection } from './state.js';
import type { OrgFinding } from './types.js';

export type InspectionInfo = NonNullable<OrgFinding['inspection']>;

/** The cached answers as the audit flow takes them: those credentials are not asked again. */
export function asInspections(cached: Map<string, CachedInspection>): Map<string, Inspection> {
  return new Map([...cached].map(([id, c]) => [id, c.inspection]));
}

/**
 * After the flow: each finding learns when its provider was asked. A cached answer lost its
 * provider facts (the state file keeps none), so the risks the provider raised from them and
 * its remediation are put back as they were recorded; the risks that come from the places
 * (committed, removed but in history) were just computed from this run's locations and stay.
 */
export function settleInspections(
  findings: Finding[],
  cached: Map<string, CachedInspection>,
  providers: Map<string, Provider>,
  policy: Policy,
  now: Date,
): Map<string, InspectionInfo> {
  const out = new Map<string, InspectionInfo>();
  for (const f of findings) {
    const id = f.credential.fingerprint;
    const hit = cached.get(id);
    if (hit) {
      const recorded: Risk[] = hit.providerRisks.map((r) => ({
        ...r,
        severity: policy.severities[r.id] ?? r.severity,
      }));
      const ids = new Set(recorded.map((r) => r.id));
      f.risks = [...recorded, ...f.risks.filter((r) => !ids.has(r.id))];
      f.severity = worst(f.risks.map((r) => r.severity));
      f.remediation = hit.remediation;
      out.set(id, { at: hit.inspectedAt, fromCache: true, providerRisks: [...ids] });
      continue;
    }
    const provider = providers.get(f.credential.provider);
    const signals = provider?.assess?.({ credential: f.credential, inspection: f.inspection, policy }) ?? [];
    out.set(id, { at: now.toISOString(), fromCache: false, providerRisks: [...new Set(signals.map((s) => s.id))] });
  }
  return out;
}
