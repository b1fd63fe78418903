import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { type FlyClaims, permissionsOf, TOKEN_TYPES } from './claims.js';
import { describeApp, describeVolume, type FlyFacts } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

export function buildScope(
  facts: FlyFacts,
  claims: Exclude<FlyClaims, { kind: 'undecodable' }>,
  unknowns: Unknown[],
): Scope {
  const identity =
    facts.identity !== null
      ? `user ${facts.identity}`
      : facts.organizations.length > 0
        ? `organization ${facts.organizations.map((o) => `"${o.slug}"`).join(', ')}`
        : null;
  const reach: Record<string, string[]> = {
    organizations: facts.organizations.map((o) => o.slug),
    apps: facts.apps.map((a) => `${a.organization}/${a.name}`),
    databases: facts.apps.filter((a) => a.postgres).map((a) => `${a.organization}/${a.name}`),
    volumes: facts.apps.flatMap((a) => a.volumes.map((v) => `${a.organization}/${a.name}/${v.name}`)),
  };
  return {
    identity,
    tokenType: TOKEN_TYPES[claims.kind],
    permissions:
      claims.kind === 'user' ? ["everything the user's role allows, in every organization"] : permissionsOf(claims),
    capabilities: worstFirst(capabilities(facts)),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    expiresAt: facts.expiresAt,
    unknowns,
    facts: { flyio: facts },
  };
}

function capabilities(f: FlyFacts): Capability[] {
  const caps: Capability[] = [];
  if (f.kind === 'user' || f.kind === 'organization') {
    for (const o of f.organizations) {
      const admin = f.kind === 'user' ? /admin/i.test(o.viewerRole) : f.actions.includes('d');
      caps.push({ action: admin ? 'admin' : 'write', resource: `organization "${o.slug}"` });
    }
  }
  for (const a of f.apps) {
    const where = a.production ? { environment: 'production', production: true } : { production: false };
    if (a.actions.includes('d')) {
      caps.push({ action: 'delete', resource: `${describeApp(a)} with its ${a.machines} machine(s)`, ...where });
      for (const v of a.volumes) caps.push({ action: 'delete', resource: describeVolume(v, a), ...where });
    }
    if (/[wcC]/.test(a.actions))
      caps.push({ action: 'write', resource: `deployments, machines and secrets of ${describeApp(a)}`, ...where });
    else if (a.actions.includes('r')) caps.push({ action: 'read', resource: describeApp(a), ...where });
  }
  return caps;
}

/** Destruction in production first, then any destruction, then the rest. */
function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}
