import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { canDelete, canWrite, type VercelFacts } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

/** What a reader must see first: destruction in production, then any destruction, then the rest. */
function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}

const where = (production: boolean) => (production ? { environment: 'production', production: true } : {});

/** Capabilities from each owner's role: the token acts with its user's rights in every team it reaches. */
function capabilities(f: VercelFacts): Capability[] {
  const caps: Capability[] = [];
  for (const o of f.owners) {
    if (o.rights === 'admin') caps.push({ action: 'admin', resource: `team "${o.name}" (members, billing, tokens)` });
  }
  for (const p of f.projects) {
    const resource = `project "${p.name}" of "${p.owner}"`;
    if (canDelete(p.rights)) {
      caps.push({ action: 'delete', resource: `${resource}, its deployments and domains`, ...where(p.production) });
    } else if (canWrite(p.rights)) {
      caps.push({ action: 'write', resource: `deployments of ${resource}`, ...where(p.production) });
    } else {
      caps.push({ action: 'read', resource, ...where(p.production) });
    }
  }
  for (const d of f.domains) {
    if (d.vercelDns && canWrite(d.rights)) {
      caps.push({ action: 'write', resource: `DNS records of "${d.name}"`, ...where(d.production) });
    }
    if (canDelete(d.rights)) caps.push({ action: 'delete', resource: `domain "${d.name}"`, ...where(d.production) });
  }
  return worstFirst(caps);
}

function reachMap(f: VercelFacts): Record<string, string[]> {
  const map: Record<string, string[]> = {
    teams: f.owners.filter((o) => o.teamId).map((o) => o.name),
    accounts: f.owners.filter((o) => !o.teamId).map((o) => o.name),
    projects: f.projects.map((p) => `${p.owner}/${p.name}`),
    'production projects': f.projects.filter((p) => p.production).map((p) => `${p.owner}/${p.name}`),
    domains: f.domains.map((d) => d.name),
    zones: f.domains.filter((d) => d.vercelDns).map((d) => d.name),
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v.length > 0));
}

/** Turns what the inspector learned into the normalised scope every report reads. */
export function buildScope(
  f: VercelFacts,
  identity: string | null,
  kind: string,
  expiresAtMs: number | undefined,
  unknowns: Unknown[],
): Scope {
  return {
    identity,
    tokenType: kind,
    permissions: [
      f.breadth === 'account' ? 'scope: full account' : 'scope: teams',
      ...f.owners.map((o) => `${o.teamId ? 'team' : 'account'} ${o.name}: ${o.role}`),
    ],
    capabilities: capabilities(f),
    reach: reachMap(f),
    expiresAt: expiresAtMs === undefined ? null : new Date(expiresAtMs).toISOString(),
    unknowns,
    facts: { vercel: f },
  };
}
