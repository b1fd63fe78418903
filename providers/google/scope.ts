import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { type GoogleFacts, holds, PROBES } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, read: 2 } as const;

/** Destruction in production first, then any destruction, then administration, then reads. */
function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 3) + ACTION_RANK[c.action as keyof typeof ACTION_RANK];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}

function capabilities(f: GoogleFacts): Capability[] {
  const caps: Capability[] = [];
  for (const p of f.projects) {
    const where = p.production ? { environment: 'production', production: true } : {};
    for (const probe of PROBES) {
      if (!holds(p, probe.permission)) continue;
      const resource =
        probe.permission === 'resourcemanager.projects.delete'
          ? `project "${p.id}"`
          : `${probe.what} of project "${p.id}"`;
      caps.push({ action: probe.action, resource, ...where });
    }
  }
  return worstFirst(caps);
}

/** The normalised scope every report reads, from what testIamPermissions answered. */
export function buildScope(f: GoogleFacts, unknowns: Unknown[]): Scope {
  const reach: Record<string, string[]> = {
    projects: f.projects.map((p) => p.id),
    'production projects': f.projects.filter((p) => p.production).map((p) => p.id),
  };
  return {
    identity: `service account ${f.serviceAccount}`,
    tokenType: 'service-account key',
    permissions: f.projects.map(
      (p) =>
        `${p.id}: ${p.granted === undefined ? 'not known' : p.granted.length ? p.granted.join(', ') : 'none of those asked'}`,
    ),
    capabilities: capabilities(f),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    expiresAt: null,
    unknowns,
    facts: { google: f },
  };
}
