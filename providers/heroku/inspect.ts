import { isProductionName } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { read, herokuGet, walkRanges } from './api.js';
import {
  type AddonFact,
  type AppFact,
  DATABASE_SERVICES,
  type HerokuFacts,
  type HerokuScope,
  SCOPES,
} from './model.js';
import { buildScope } from './scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Asks Heroku, read-only, who the token is and which apps, add-ons and teams it reaches. */
export async function inspectHeroku(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const inspection = await inspectUnscrubbed(credential, ctx);
  // Heroku's own words travel into reasons and unknowns: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

/**
 * The scopes Heroku names in its `OAuth-Scope` answer header. The header is not in the Platform
 * API schema (UNCONFIRMED): without it the scope stays unknown and is reported as such.
 */
function scopesFrom(headers: Headers | undefined): HerokuScope[] | undefined {
  const h = headers?.get('oauth-scope');
  if (!h) return undefined;
  const said = h.split(/[\s,]+/).filter((s): s is HerokuScope => (SCOPES as readonly string[]).includes(s));
  return said.length > 0 ? said : undefined;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const unknowns: Unknown[] = [];
  const limit = Math.max(1, ctx.policy.maxProjects);
  const account = await herokuGet(ctx, credential, '/account');
  if (!account.ok && account.status === 401) {
    return {
      verification: 'invalid',
      reason: `Heroku rejects it (${account.message}): expired, revoked or never issued`,
      scope: null,
    };
  }
  let email: string | undefined;
  if (account.ok) {
    const a = read.obj(account.body, 'account');
    email = read.str(a.email, 'account.email');
  } else {
    unknowns.push({ what: 'identity', reason: `Heroku refused GET /account (${account.message})` });
  }
  let scopes = account.ok ? scopesFrom(account.headers) : undefined;

  const apps = await walkRanges(ctx, credential, '/apps', limit);
  if (!apps.ok) {
    if (apps.status === 401 || !account.ok) {
      return { verification: 'invalid', reason: `Heroku rejects it (${apps.message})`, scope: null };
    }
    // Account info but no apps: the `identity` scope, whatever the header said.
    scopes = ['identity'];
  }
  const teams = await walkRanges(ctx, credential, '/teams', limit);
  const couplings = await walkRanges(ctx, credential, '/pipeline-couplings', limit);
  const addons = await walkRanges(ctx, credential, '/addons', limit);

  const teamFacts = teams.ok
    ? teams.items.map((raw, i) => {
        const t = read.obj(raw, `teams[${i}]`);
        return {
          name: read.str(t.name, `teams[${i}].name`),
          role: read.optStr(t.role, `teams[${i}].role`) ?? 'unknown',
        };
      })
    : [];
  const stageOf = new Map<string, string>();
  if (couplings.ok) {
    for (const [i, raw] of couplings.items.entries()) {
      const c = read.obj(raw, `pipeline-couplings[${i}]`);
      stageOf.set(
        read.str(read.obj(c.app, `pipeline-couplings[${i}].app`).id, `pipeline-couplings[${i}].app.id`),
        read.str(c.stage, `pipeline-couplings[${i}].stage`),
      );
    }
  }
  const admins = new Set(teamFacts.filter((t) => t.role === 'admin' || t.role === 'owner').map((t) => t.name));
  const appFacts: AppFact[] = apps.ok
    ? apps.items.map((raw, i) => {
        const a = read.obj(raw, `apps[${i}]`);
        const name = read.str(a.name, `apps[${i}].name`);
        const team =
          a.team === null || a.team === undefined
            ? undefined
            : read.str(read.obj(a.team, `apps[${i}].team`).name, `apps[${i}].team.name`);
        const owner = read.optStr(read.obj(a.owner, `apps[${i}].owner`).email, `apps[${i}].owner.email`);
        const stage = stageOf.get(read.str(a.id, `apps[${i}].id`));
        return {
          name,
          ...(team ? { team } : {}),
          owned: team ? admins.has(team) : owner !== undefined && owner === email,
          production: stage === 'production' || isProductionName(name, ctx.policy),
          ...(stage ? { stage } : {}),
        };
      })
    : [];
  const production = new Set(appFacts.filter((a) => a.production).map((a) => a.name));
  const addonFacts: AddonFact[] = addons.ok
    ? addons.items.map((raw, i) => {
        const o = read.obj(raw, `addons[${i}]`);
        const service = read.str(
          read.obj(o.addon_service, `addons[${i}].addon_service`).name,
          `addons[${i}].addon_service.name`,
        );
        const app = read.str(read.obj(o.app, `addons[${i}].app`).name, `addons[${i}].app.name`);
        return {
          name: read.str(o.name, `addons[${i}].name`),
          service,
          plan: read.str(read.obj(o.plan, `addons[${i}].plan`).name, `addons[${i}].plan.name`),
          app,
          database: DATABASE_SERVICES.has(service),
          production: production.has(app),
        };
      })
    : [];

  for (const [what, list] of [
    ['teams', teams],
    ['pipeline couplings', couplings],
    ['add-ons', addons],
  ] as const) {
    if (!list.ok && apps.ok) unknowns.push({ what, reason: `Heroku refused to list them (${list.message})` });
  }
  const complete = [apps, teams, couplings, addons].every((l) => !l.ok || !l.truncated);
  if (!complete)
    unknowns.push({
      what: 'reach beyond the first listed',
      reason: `listings stop at ${limit} items (policy maxProjects); counts are lower bounds`,
    });
  if (!scopes) {
    unknowns.push({
      what: "the token's OAuth scope",
      reason:
        "Heroku shows an authorization's scope only in its authorization list, which also holds other tokens' values and is never asked; without an OAuth-Scope header the widest default (global) is assumed",
    });
  }
  unknowns.push({
    what: 'expiry',
    reason:
      "Heroku shows an authorization's expiry only in the authorization list, which also holds other tokens' values and is never asked",
  });
  if (appFacts.some((a) => a.team && !a.owned)) {
    unknowns.push({
      what: 'per-app team permissions',
      reason:
        "a team member's rights on each team app (view, deploy, operate, manage) are not in the app listing; deletes are counted only where the user administers the team",
    });
  }

  const facts: HerokuFacts = {
    ...(scopes ? { scopes } : {}),
    legacy: UUID.test(credential.secret.reveal()),
    ...(email ? { email } : {}),
    teams: teamFacts,
    apps: appFacts,
    addons: addonFacts,
    complete,
  };
  const said = scopes ? `with scope ${scopes.join(', ')}` : 'with a scope it does not show';
  return {
    verification: 'verified',
    reason: `Heroku accepts it ${said}`,
    scope: buildScope(facts, unknowns),
  };
}
