import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import type { SupabaseFacts } from './model.js';

const where = (production: boolean) => (production ? { environment: 'production', production: true } : {});

/** Production first: what a reader must see before the rest. */
function capabilities(f: SupabaseFacts): Capability[] {
  const caps: Capability[] = [];
  for (const p of f.projects) {
    caps.push({
      action: 'delete',
      resource: `project "${p.name}" (${p.ref}) of "${p.org}", its database and branches`,
      ...where(p.production),
    });
    for (const b of p.branches.filter((x) => !x.isDefault)) {
      caps.push({ action: 'delete', resource: `branch "${b.name}" of project "${p.name}"`, ...where(b.production) });
    }
  }
  return [...caps.filter((c) => c.production), ...caps.filter((c) => !c.production)];
}

function reachMap(f: SupabaseFacts): Record<string, string[]> {
  const map: Record<string, string[]> = {
    organizations: f.orgs.map((o) => o.slug),
    projects: f.projects.map((p) => `${p.org}/${p.name}`),
    'production projects': f.projects.filter((p) => p.production).map((p) => `${p.org}/${p.name}`),
    branches: f.projects.flatMap((p) => p.branches.filter((b) => !b.isDefault).map((b) => `${p.name}/${b.name}`)),
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v.length > 0));
}

/** Turns what the inspector learned into the normalised scope every report reads. */
export function buildScope(f: SupabaseFacts, kind: string, unknowns: Unknown[]): Scope {
  return {
    identity: f.orgs.length > 0 ? `member of ${f.orgs.map((o) => `"${o.name}"`).join(', ')}` : null,
    tokenType: kind,
    permissions: [
      'Management API: every organization and project of its user',
      ...f.orgs.map((o) => `organization ${o.slug}`),
    ],
    capabilities: capabilities(f),
    reach: reachMap(f),
    expiresAt: null,
    unknowns,
    facts: { supabase: f },
  };
}
