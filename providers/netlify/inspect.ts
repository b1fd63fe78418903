import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { netlifyGet, read, walkPages } from './api.js';
import { type NetlifyFacts, prefixOf, rightsOf, TOKEN_KINDS, type TeamFact, type ZoneFact } from './model.js';
import { buildScope } from './scope.js';

/**
 * Why sites are not listed: Netlify's `site` object (swagger `definitions.site`) carries the site
 * password, the build environment variables (`build_settings.env`) and the deploy-hook URL, so
 * every listing of sites would hand tokenscope other secrets.
 */
const SITES_NOT_ASKED =
  "Netlify's site objects carry site passwords, build environment variables and deploy-hook URLs, so no site listing is asked";

/** Asks Netlify, read-only, who the token is, which teams it acts in and which DNS zones it can edit. */
export async function inspectNetlify(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const inspection = await inspectUnscrubbed(credential, ctx);
  // Netlify's own words travel into reasons and unknowns: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const prefix = prefixOf(credential.secret.reveal());
  const limit = Math.max(1, ctx.policy.maxProjects);
  const me = await netlifyGet(ctx, credential, '/user');
  if (!me.ok) {
    return {
      verification: 'invalid',
      reason: `Netlify rejects it (${me.message}): expired, revoked or never issued`,
      scope: null,
    };
  }
  const user = read.obj(me.body, 'user');
  const userId = read.str(user.id, 'user.id');
  const email = read.optStr(user.email, 'user.email');
  const siteCount = read.optNum(user.site_count, 'user.site_count');
  const unknowns: Unknown[] = [];

  const accounts = await walkPages(ctx, credential, '/accounts', limit);
  const teams: TeamFact[] = [];
  if (accounts.ok) {
    for (const [i, raw] of accounts.items.entries()) {
      const a = read.obj(raw, `accounts[${i}]`);
      const slug = read.str(a.slug, `accounts[${i}].slug`);
      const owners =
        a.owner_ids === undefined || a.owner_ids === null ? [] : read.arr(a.owner_ids, `accounts[${i}].owner_ids`);
      let role = owners.includes(userId) ? 'Owner' : undefined;
      if (!role) role = await roleInTeam(ctx, credential, slug, userId, email, unknowns);
      teams.push({ slug, name: read.str(a.name, `accounts[${i}].name`), role, rights: rightsOf(role) });
    }
  } else {
    unknowns.push({ what: 'teams', reason: `Netlify refused to list them (${accounts.message})` });
  }

  const zonesAnswer = await walkPages(ctx, credential, '/dns_zones', limit);
  const zones: ZoneFact[] = [];
  if (zonesAnswer.ok) {
    for (const [i, raw] of zonesAnswer.items.entries()) {
      const z = read.obj(raw, `dns_zones[${i}]`);
      const team = read.optStr(z.account_slug, `dns_zones[${i}].account_slug`);
      const rights = teams.find((t) => t.slug === team)?.rights ?? (team === undefined ? 'admin' : 'read');
      zones.push({
        domain: read.str(z.name, `dns_zones[${i}].name`).toLowerCase(),
        ...(team ? { team } : {}),
        rights,
        servesSite: Boolean(read.optStr(z.site_id, `dns_zones[${i}].site_id`)),
      });
    }
  } else {
    unknowns.push({ what: 'DNS zones', reason: `Netlify refused to list them (${zonesAnswer.message})` });
  }
  const complete = (!accounts.ok || !accounts.truncated) && (!zonesAnswer.ok || !zonesAnswer.truncated);
  if (!complete)
    unknowns.push({
      what: 'reach beyond the first listed',
      reason: `listings stop at ${limit} items (policy maxProjects)`,
    });
  unknowns.push(
    {
      what: 'sites and their databases',
      reason: `${SITES_NOT_ASKED}; the user has ${siteCount ?? 'an unknown number of'} site(s)`,
    },
    { what: 'expiry', reason: "Netlify documents no endpoint that shows a token's expiry" },
    {
      what: "the token's own permissions",
      reason:
        "Netlify documents no scopes for its tokens: a token acts with its user's role in every team; what a role may delete cannot be learned without a write",
    },
  );

  const facts: NetlifyFacts = {
    ...(prefix ? { prefix } : {}),
    ...(email ? { email } : {}),
    ...(siteCount !== undefined ? { siteCount } : {}),
    teams,
    zones,
    complete,
  };
  const kind = prefix ? TOKEN_KINDS[prefix] : 'access token';
  return {
    verification: 'verified',
    reason: `Netlify accepts it as a ${kind} of ${email ?? 'its user'}`,
    scope: buildScope(facts, kind, unknowns),
  };
}

/** The user's role in a team it does not own, from the team's member list. */
async function roleInTeam(
  ctx: InspectContext,
  credential: Credential,
  slug: string,
  userId: string,
  email: string | undefined,
  unknowns: Unknown[],
): Promise<string> {
  const members = await netlifyGet(ctx, credential, `/${encodeURIComponent(slug)}/members`);
  if (!members.ok) {
    unknowns.push({
      what: `role in team "${slug}"`,
      reason: `Netlify refused to list its members (${members.message})`,
    });
    return 'unknown';
  }
  for (const [i, raw] of read.arr(members.body, 'members').entries()) {
    const m = read.obj(raw, `members[${i}]`);
    if (
      read.optStr(m.id, `members[${i}].id`) === userId ||
      (email && read.optStr(m.email, `members[${i}].email`) === email)
    ) {
      return read.optStr(m.role, `members[${i}].role`) ?? 'unknown';
    }
  }
  return 'unknown';
}
