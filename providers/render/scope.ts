import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { canDestroy, KIND_WORDS, type RenderFacts, type ResourceFact } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}

export function envName(f: RenderFacts, r: ResourceFact): string | undefined {
  const e = f.environments.find((x) => x.id === r.environment);
  return e ? `${e.project}/${e.name}` : undefined;
}

/** `Postgres database "shop-db" of "Acme" in shop/production`; without the environment where a capability states it. */
export function describeResource(f: RenderFacts, r: ResourceFact, withEnvironment = true): string {
  const env = withEnvironment ? envName(f, r) : undefined;
  return `${KIND_WORDS[r.kind]} "${r.name}"${r.detail ? ` (${r.detail})` : ''} of "${r.workspace}"${env ? ` in ${env}` : ''}`;
}

function capabilities(f: RenderFacts): Capability[] {
  const caps: Capability[] = [];
  for (const w of f.workspaces) {
    if (w.rights === 'admin')
      caps.push({ action: 'admin', resource: `workspace "${w.name}" (members, billing, every resource)` });
  }
  for (const r of f.resources) {
    const where = r.production
      ? { environment: envName(f, r) ?? 'production', production: true }
      : envName(f, r)
        ? { environment: envName(f, r)! }
        : {};
    const rights = f.workspaces.find((w) => w.name === r.workspace)?.rights ?? 'read';
    // The environment is stated once, in the capability's own field.
    const what = describeResource(f, r, false);
    if (canDestroy(f, r)) caps.push({ action: 'delete', resource: what, ...where });
    else if (rights !== 'read') caps.push({ action: 'write', resource: `deploys of ${what}`, ...where });
    else caps.push({ action: 'read', resource: what, ...where });
  }
  return worstFirst(caps);
}

export function buildScope(f: RenderFacts, unknowns: Unknown[]): Scope {
  const names = (kind: ResourceFact['kind']) =>
    f.resources.filter((r) => r.kind === kind).map((r) => `${r.workspace}/${r.name}`);
  const reach: Record<string, string[]> = {
    workspaces: f.workspaces.map((w) => w.name),
    environments: f.environments.map((e) => `${e.project}/${e.name}`),
    services: names('service'),
    databases: [...names('postgres'), ...names('key-value')],
    disks: names('disk'),
  };
  return {
    identity: f.email ? `user ${f.email}` : null,
    tokenType: 'API key',
    permissions: f.workspaces.map((w) => `workspace ${w.name}: ${w.role}`),
    capabilities: capabilities(f),
    reach: Object.fromEntries(Object.entries(reach).filter(([, v]) => v.length > 0)),
    // Render API keys never expire (render.com/docs/api-keys): rotated by hand.
    expiresAt: null,
    unknowns,
    facts: { render: f },
  };
}
