import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import { appRights, type HerokuFacts, readsConfigVars } from './model.js';

const ACTION_RANK = { delete: 0, admin: 1, write: 2, read: 3 } as const;

function worstFirst(caps: Capability[]): Capability[] {
  const rank = (c: Capability) => (c.production ? 0 : 4) + ACTION_RANK[c.action];
  return [...caps].sort((a, b) => rank(a) - rank(b));
}

const where = (production: boolean, stage?: string) =>
  production ? { environment: stage ?? 'production', production: true } : stage ? { environment: stage } : {};

function capabilities(f: HerokuFacts): Capability[] {
  const caps: Capability[] = [];
  const config = f.scopes ? readsConfigVars(f.scopes) : true;
  for (const app of f.apps) {
    const rights = appRights(f, app);
    const at = where(app.production, app.stage);
    if (rights === 'delete') caps.push({ action: 'delete', resource: `app "${app.name}"`, ...at });
    if (rights === 'delete' || rights === 'write')
      caps.push({ action: 'write', resource: `deploys and dynos of app "${app.name}"`, ...at });
    if (rights !== 'none' && config)
      caps.push({ action: 'read', resource: `config vars (secrets) of app "${app.name}"`, ...at });
    if (rights === 'read') caps.push({ action: 'read', resource: `app "${app.name}"`, ...at });
  }
  for (const addon of f.addons) {
    const app = f.apps.find((a) => a.name === addon.app);
    if (!app || appRights(f, app) !== 'delete') continue;
    const what = addon.database ? 'database' : 'add-on';
    caps.push({
      action: 'delete',
      resource: `${what} "${addon.name}" (${addon.service}, plan ${addon.plan}) of app "${addon.app}"`,
      ...where(addon.production, app.stage),
    });
  }
  if ((f.scopes ?? ['global']).includes('global'))
    caps.push({ action: 'admin', resource: 'the Heroku account (authorizations, keys, billing)' });
  return worstFirst(caps);
}

function reachMap(f: HerokuFacts): Record<string, string[]> {
  const map: Record<string, string[]> = {
    teams: f.teams.map((t) => t.name),
    apps: f.apps.map((a) => a.name),
    'production apps': f.apps.filter((a) => a.production).map((a) => a.name),
    databases: f.addons.filter((a) => a.database).map((a) => `${a.app}/${a.name}`),
    'add-ons': f.addons.filter((a) => !a.database).map((a) => `${a.app}/${a.name}`),
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v.length > 0));
}

export function buildScope(f: HerokuFacts, unknowns: Unknown[]): Scope {
  return {
    identity: f.email ? `user ${f.email}` : null,
    tokenType: f.legacy ? 'API key or OAuth token (unprefixed)' : 'OAuth token',
    permissions: [
      ...(f.scopes ? f.scopes.map((s) => `scope: ${s}`) : ['scope: not shown (global assumed)']),
      ...f.teams.map((t) => `team ${t.name}: ${t.role}`),
    ],
    capabilities: capabilities(f),
    reach: reachMap(f),
    expiresAt: null,
    unknowns,
    facts: { heroku: f },
  };
}
