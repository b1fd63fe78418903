import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import type { NeonFacts } from './model.js';

const where = (production: boolean) => (production ? { environment: 'production', production: true } : {});

/** An API key acts with admin rights on every project it sees: it can delete each, and each branch and database. */
function capabilities(f: NeonFacts): Capability[] {
  const caps: Capability[] = [];
  for (const p of f.projects) {
    caps.push({
      action: 'delete',
      resource: `project "${p.name}" (${p.id}) of "${p.org}", every branch and database`,
      ...where(p.production),
    });
    for (const b of p.branches) {
      const dbs = b.databases.length > 0 ? ` with database(s) ${b.databases.join(', ')}` : '';
      caps.push({
        action: 'delete',
        resource: `branch "${b.name}" of project "${p.name}"${dbs}`,
        ...where(b.production),
      });
    }
  }
  return [...caps.filter((c) => c.production), ...caps.filter((c) => !c.production)];
}

function reachMap(f: NeonFacts): Record<string, string[]> {
  const map: Record<string, string[]> = {
    organizations: f.orgs,
    projects: f.projects.map((p) => `${p.org}/${p.name}`),
    'production projects': f.projects.filter((p) => p.production).map((p) => `${p.org}/${p.name}`),
    branches: f.projects.flatMap((p) => p.branches.map((b) => `${p.name}/${b.name}`)),
    databases: f.projects.flatMap((p) => p.branches.flatMap((b) => b.databases.map((d) => `${p.name}/${b.name}/${d}`))),
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v.length > 0));
}

/** Turns what the inspector learned into the normalised scope every report reads. */
export function buildScope(f: NeonFacts, label: string, unknowns: Unknown[]): Scope {
  return {
    identity:
      f.orgs.length > 0
        ? `${f.kind === 'personal' ? 'member of' : 'organization'} ${f.orgs.map((o) => `"${o}"`).join(', ')}`
        : null,
    tokenType: label,
    permissions: [f.kind === 'personal' ? 'auth: api_key_user (every organization of its user)' : 'auth: api_key_org'],
    capabilities: capabilities(f),
    reach: reachMap(f),
    // Neon: "All keys remain valid until deliberately revoked."
    expiresAt: null,
    unknowns,
    facts: { neon: f },
  };
}
