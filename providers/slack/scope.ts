import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import type { SlackFacts } from './model.js';

const RANK = { admin: 0, delete: 1, write: 2, read: 3 } as const;

/** Each scope as a capability: `admin*` administers, `...:write` (and legacy post/client) writes, the rest reads. */
function capabilityOf(scope: string, where: string): Capability {
  if (scope === 'admin' || scope.startsWith('admin.')) return { action: 'admin', resource: `${scope} in ${where}` };
  if (/:write|^post$|^client$/.test(scope)) return { action: 'write', resource: `${scope} in ${where}` };
  return { action: 'read', resource: `${scope} in ${where}` };
}

export function buildScope(f: SlackFacts, identity: string, unknowns: Unknown[], now = Date.now()): Scope {
  const where = f.enterpriseInstall ? `the Enterprise Grid ${f.enterpriseId ?? ''}`.trim() : `workspace "${f.team}"`;
  const reach: Record<string, string[]> = {
    workspaces: f.team ? [f.team] : [],
    enterprises: f.enterpriseId ? [f.enterpriseId] : [],
  };
  return {
    identity,
    tokenType: f.kind,
    permissions: [...f.scopes.map((s) => `scope: ${s}`), ...(f.role ? [`user role: ${f.role}`] : [])],
    capabilities: f.scopes.map((s) => capabilityOf(s, where)).sort((a, b) => RANK[a.action] - RANK[b.action]),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    // A rotating token says how long it has left; others never expire.
    expiresAt: f.expiresInSeconds === undefined ? null : new Date(now + f.expiresInSeconds * 1000).toISOString(),
    unknowns,
    facts: { slack: f },
  };
}
