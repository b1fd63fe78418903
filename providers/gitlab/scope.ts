import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import {
  administers,
  deletableGroups,
  deletableProjects,
  type GitlabFacts,
  pushes,
  roleName,
  writableProjects,
} from './model.js';

const where = (production: boolean) => (production ? { environment: 'production', production: true } : {});
const RANK = { admin: 0, delete: 1, write: 2, read: 3 } as const;

function capabilities(f: GitlabFacts): Capability[] {
  const caps: Capability[] = [];
  if (administers(f))
    caps.push({ action: 'admin', resource: `the GitLab instance ${f.host}: every user, group, project and setting` });
  for (const g of deletableGroups(f))
    caps.push({ action: 'delete', resource: `group "${g.name}" and its projects`, ...where(g.production) });
  const deletable = new Set(deletableProjects(f).map((p) => p.name));
  const writable = new Set(writableProjects(f).map((p) => p.name));
  for (const p of f.projects) {
    if (deletable.has(p.name))
      caps.push({ action: 'delete', resource: `project "${p.name}" and its repository`, ...where(p.production) });
    else if (writable.has(p.name))
      caps.push({ action: 'write', resource: `repository of "${p.name}"`, ...where(p.production) });
    else caps.push({ action: 'read', resource: `project "${p.name}"`, ...where(p.production) });
  }
  // Administration of the instance first: it holds every other capability.
  const rank = (c: Capability) => (c.action === 'admin' ? 0 : RANK[c.action] + (c.production ? 0 : 4));
  return caps.sort((a, b) => rank(a) - rank(b));
}

/** Turns what the inspector learned into the normalised scope every report reads. */
export function buildScope(
  f: GitlabFacts,
  identity: string | null,
  expiresAt: string | undefined,
  unknowns: Unknown[],
): Scope {
  const reach: Record<string, string[]> = {
    instances: f.instanceAdmin ? [f.host] : [],
    groups: f.groups.map((g) => g.name),
    projects: f.projects.map((p) => p.name),
    'production projects': f.projects.filter((p) => p.production).map((p) => p.name),
  };
  return {
    identity,
    tokenType: f.kind,
    permissions: [
      ...f.scopes.map((s) => `scope: ${s}`),
      ...(f.instanceAdmin ? ['instance administrator'] : []),
      ...f.groups.map((g) => `group ${g.name}: ${roleName(g.level)}`),
      ...f.projects.map((p) => `project ${p.name}: ${roleName(p.level)}`),
      ...(pushes(f) ? [] : ['no push (no api or write_repository scope)']),
    ],
    capabilities: capabilities(f),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    // GitLab's expires_at is a date: the token stops working at the start of that day (UTC).
    expiresAt: expiresAt ? new Date(`${expiresAt.slice(0, 10)}T00:00:00Z`).toISOString() : null,
    unknowns,
    facts: { gitlab: f },
  };
}
