import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { type DoFacts, describeResource, isClassic } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

/** What DigitalOcean will not say, whatever the token. */
function scopeUnknowns(f: DoFacts): Unknown[] {
  const out: Unknown[] = [];
  if (isClassic(f)) {
    out.push({
      what: 'write and delete rights',
      reason:
        'DigitalOcean shows no token scopes: every read succeeded, so this is a Full Access token or a Read Only one (or custom scopes with every read), and only a write could tell which; tokenscope never sends one. Capabilities marked "unless read-only" are what Full Access allows',
    });
  } else {
    out.push({
      what: 'write and delete rights',
      reason: `custom scopes (DigitalOcean refused to list ${f.refused.join(', ')}): which create, update and delete scopes it holds cannot be learned without a write, which tokenscope never sends`,
    });
  }
  out.push({ what: 'expiry', reason: "DigitalOcean has no endpoint that returns a token's expiry" });
  if (f.resources.some((r) => r.type === 'database')) {
    out.push({
      what: 'database names',
      reason:
        'database clusters are named by id: the listing that names them (/v2/databases) also returns their connection passwords, so it is never called',
    });
  }
  return out;
}

export function buildScope(f: DoFacts, unknowns: Unknown[]): Scope {
  const reach: Record<string, string[]> = {
    teams: f.team ? [f.team] : [],
    projects: f.projects.map((p) => (p.environment ? `${p.name} (${p.environment})` : p.name)),
    droplets: f.resources.filter((r) => r.type === 'droplet').map((r) => r.name),
    volumes: f.resources.filter((r) => r.type === 'volume').map((r) => r.name),
    databases: f.resources.filter((r) => r.type === 'database').map((r) => r.name),
    domains: f.resources.filter((r) => r.type === 'domain').map((r) => r.name),
  };
  return {
    identity: f.identity
      ? `user ${f.identity}${f.team ? ` in team "${f.team}"` : ''}`
      : f.team
        ? `team "${f.team}"`
        : null,
    tokenType: `${f.kind === 'oauth' ? 'OAuth access token' : 'personal access token'} (${isClassic(f) ? 'Full Access or Read Only' : 'custom scopes'})`,
    permissions: isClassic(f) ? ['api:read', 'api:write (unless read-only)'] : f.refused.map((r) => `no read of ${r}`),
    capabilities: worstFirst(capabilities(f)),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    expiresAt: null,
    unknowns: [...scopeUnknowns(f), ...unknowns],
    facts: { digitalocean: f },
  };
}

/** Data first: a database or a volume lost is worse than a Droplet rebuilt. */
export const TYPE_ORDER = { database: 0, volume: 1, droplet: 2, domain: 3 } as const;

function capabilities(f: DoFacts): Capability[] {
  const caps: Capability[] = [];
  for (const r of [...f.resources].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type])) {
    const where = r.production ? { environment: 'production', production: true } : { production: false };
    if (isClassic(f)) caps.push({ action: 'delete', resource: `${describeResource(r)} (unless read-only)`, ...where });
    caps.push({ action: 'read', resource: describeResource(r), ...where });
  }
  return caps;
}

function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}
