import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import type { NetlifyFacts } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}

const where = (production: boolean) => (production ? { environment: 'production', production: true } : {});

/** Sites of a team serve production when one of its DNS zones points at a site. */
export const teamServesProduction = (f: NetlifyFacts, team: string) =>
  f.zones.some((z) => z.team === team && z.servesSite);

function capabilities(f: NetlifyFacts): Capability[] {
  const caps: Capability[] = [];
  for (const t of f.teams) {
    const prod = where(teamServesProduction(f, t.slug));
    if (t.rights === 'admin') {
      caps.push({ action: 'admin', resource: `team "${t.slug}" (members, billing, sites)` });
      caps.push({
        action: 'delete',
        resource: `every site of team "${t.slug}", with its deploys and database`,
        ...prod,
      });
    } else if (t.rights === 'write') {
      caps.push({ action: 'write', resource: `deploys and settings of the sites of team "${t.slug}"`, ...prod });
    } else {
      caps.push({ action: 'read', resource: `sites of team "${t.slug}"`, ...prod });
    }
  }
  for (const z of f.zones) {
    if (z.rights !== 'read')
      caps.push({ action: 'write', resource: `DNS records of zone "${z.domain}"`, ...where(z.servesSite) });
    if (z.rights === 'admin')
      caps.push({ action: 'delete', resource: `DNS zone "${z.domain}"`, ...where(z.servesSite) });
  }
  return worstFirst(caps);
}

export function buildScope(f: NetlifyFacts, kind: string, unknowns: Unknown[]): Scope {
  const reach: Record<string, string[]> = {
    teams: f.teams.map((t) => t.slug),
    zones: f.zones.map((z) => z.domain),
    'production zones': f.zones.filter((z) => z.servesSite).map((z) => z.domain),
  };
  return {
    identity: f.email ? `user ${f.email}` : null,
    tokenType: kind,
    permissions: [
      'full access of its user (Netlify tokens have no scopes)',
      ...f.teams.map((t) => `team ${t.slug}: ${t.role}`),
    ],
    capabilities: capabilities(f),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    expiresAt: null,
    unknowns,
    facts: { netlify: f },
  };
}
