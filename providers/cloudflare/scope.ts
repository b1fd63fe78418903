import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { type CfFacts, describeResource, describeZone } from './model.js';
import type { Policy } from './policies.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

export function buildScope(f: CfFacts, policies: Policy[] | undefined, unknowns: Unknown[]): Scope {
  const reach: Record<string, string[]> = {
    accounts: f.accounts.map((a) => a.name),
    zones: f.zones.map((z) => z.name),
    workers: f.resources.filter((r) => r.type === 'worker').map((r) => `${r.account}/${r.name}`),
    buckets: f.resources.filter((r) => r.type === 'r2').map((r) => `${r.account}/${r.name}`),
    databases: f.resources.filter((r) => r.type === 'd1').map((r) => `${r.account}/${r.name}`),
  };
  const all: Unknown[] = [...unknowns];
  if (f.zones.length > 0) {
    all.push({
      what: 'production',
      reason:
        'a zone counts as production when Cloudflare serves it (status active); Workers, R2 and D1 by their names only',
    });
  }
  if (policies?.some((p) => p.effect === 'deny')) {
    all.push({
      what: 'deny policies',
      reason: 'deny policies are applied per permission and resource as listed; IP conditions are not evaluated',
    });
  }
  return {
    identity: f.identity
      ? `user ${f.identity}`
      : f.kind === 'account' && f.accounts[0]
        ? `account "${f.accounts[0].name}"`
        : `token ${f.tokenId}`,
    tokenType: f.kind === 'user' ? 'user API token' : 'account API token',
    permissions: policies
      ? [...new Set(policies.flatMap((p) => p.permissions.map((n) => (p.effect === 'deny' ? `deny ${n}` : n))))]
      : [],
    capabilities: worstFirst(capabilities(f)),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    expiresAt: f.expiresAt,
    unknowns: all,
    facts: { cloudflare: f },
  };
}

function capabilities(f: CfFacts): Capability[] {
  const caps: Capability[] = [];
  const where = (production: boolean) =>
    production ? { environment: 'production', production: true } : { production: false };
  for (const z of f.zones) {
    if (z.can?.zoneWrite)
      caps.push({ action: 'delete', resource: `${describeZone(z)} and all its DNS records`, ...where(z.production) });
    if (z.can?.dnsWrite)
      caps.push({ action: 'write', resource: `DNS records of ${describeZone(z)}`, ...where(z.production) });
    caps.push({ action: 'read', resource: describeZone(z), ...where(z.production) });
  }
  for (const r of f.resources) {
    if (r.write) caps.push({ action: 'delete', resource: describeResource(r), ...where(r.production) });
    caps.push({ action: 'read', resource: describeResource(r), ...where(r.production) });
  }
  if (f.mintsTokens)
    caps.push({ action: 'admin', resource: 'API tokens: it can create tokens with any permission its user holds' });
  return caps;
}

function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}
