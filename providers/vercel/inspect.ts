import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { isProductionName } from '../../src/assess/policy.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { read, vercelGet, walkList } from './api.js';
import {
  type DomainFact,
  type OwnerFact,
  type ProjectFact,
  prefixOf,
  rightsOf,
  TOKEN_KINDS,
  type VercelFacts,
} from './model.js';
import { buildScope } from './scope.js';

interface TokenMeta {
  name: string;
  type: string;
  /** Team ids of `team` scopes; `account` when any scope is of type `user`. */
  breadth: 'account' | 'teams';
  teamIds: string[];
  expiresAt?: number;
}

/** Asks Vercel, read-only, what the token is, whose it is and what it reaches. */
export async function inspectVercel(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const prefix = prefixOf(credential.secret.reveal());
  if (prefix === 'vcr') {
    return {
      verification: 'unverified',
      reason:
        'an app refresh token works only at the OAuth token endpoint (a POST that mints tokens); tokenscope does not send it',
      scope: null,
    };
  }
  const inspection = await inspectUnscrubbed(credential, ctx, prefix);
  // Vercel's own words travel into reasons and unknowns: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(
  credential: Credential,
  ctx: InspectContext,
  prefix: ReturnType<typeof prefixOf>,
): Promise<Inspection> {
  const current = await vercelGet(ctx, credential, '/v5/user/tokens/current');
  if (!current.ok) {
    if (current.status === 404)
      throw new ProviderUnavailableError(`Vercel answered ${current.message} to its own token endpoint`);
    return {
      verification: 'invalid',
      reason: `Vercel rejects it (${current.message}): expired, revoked or never issued`,
      scope: null,
    };
  }
  const meta = readToken(current.body);
  const unknowns: Unknown[] = [];
  const limit = Math.max(1, ctx.policy.maxProjects);

  const user = await vercelGet(ctx, credential, '/v2/user');
  let username: string | undefined;
  let identity: string | null = null;
  if (user.ok) {
    const u = read.obj(read.obj(user.body, 'body').user, 'user');
    username = read.optStr(u.username, 'user.username') ?? read.str(u.id, 'user.id');
    identity = `user ${read.optStr(u.email, 'user.email') ?? username}`;
  } else {
    unknowns.push({ what: 'identity', reason: `Vercel refused GET /v2/user (${user.message})` });
  }

  const owners: OwnerFact[] = [];
  const teams = await walkList(ctx, credential, '/v2/teams', {}, 'teams', limit);
  for (const [i, raw] of teams.items.entries()) {
    const t = read.obj(raw, `teams[${i}]`);
    const id = read.str(t.id, `teams[${i}].id`);
    if (meta.breadth === 'teams' && !meta.teamIds.includes(id)) continue;
    const membership = t.membership === undefined ? {} : read.obj(t.membership, `teams[${i}].membership`);
    const role = read.optStr(membership.role, `teams[${i}].membership.role`) ?? 'unknown';
    owners.push({ name: read.str(t.slug, `teams[${i}].slug`), teamId: id, role, rights: rightsOf(role) });
  }
  // The personal account's own projects, reached only by a token scoped to the whole account.
  if (meta.breadth === 'account' && username) owners.unshift({ name: username, role: 'OWNER', rights: 'admin' });

  const projects: ProjectFact[] = [];
  const domains: DomainFact[] = [];
  let complete = !teams.truncated;
  for (const owner of owners) {
    const q: Record<string, string> = owner.teamId ? { teamId: owner.teamId } : {};
    const listed = await walkList(ctx, credential, '/v10/projects', q, 'projects', limit);
    complete &&= !listed.truncated;
    for (const [i, raw] of listed.items.entries()) projects.push(readProject(raw, `projects[${i}]`, owner, ctx));
    const zones = await walkList(ctx, credential, '/v5/domains', q, 'domains', limit);
    complete &&= !zones.truncated;
    const productionAliases = projects.filter((p) => p.owner === owner.name).flatMap((p) => p.productionDomains);
    for (const [i, raw] of zones.items.entries())
      domains.push(readDomain(raw, `domains[${i}]`, owner, productionAliases));
  }
  if (!complete) {
    unknowns.push({
      what: 'reach beyond the first listed',
      reason: `listings stop at ${limit} items (policy maxProjects); counts are lower bounds`,
    });
  }
  if (meta.breadth === 'teams') {
    unknowns.push({
      what: 'project scoping',
      reason:
        "Vercel's token metadata does not document how a token limited to single projects is shown: the projects listed are those of its teams, an upper bound",
    });
  }
  if (owners.some((o) => o.rights !== 'admin')) {
    unknowns.push({
      what: 'the exact rights of a team role',
      reason:
        "the token acts with its user's team role; what each role may delete is read from Vercel's roles documentation, and learning it for sure would take a write",
    });
  }
  unknowns.push({
    what: 'Marketplace databases',
    reason:
      'databases from Vercel Marketplace integrations (Neon, Upstash...) live at those providers; tokenscope does not list them, nor read environment variables',
  });

  const facts: VercelFacts = {
    breadth: meta.breadth,
    ...(prefix ? { prefix } : {}),
    owners,
    projects,
    domains,
    expiry: meta.expiresAt === undefined ? 'none' : 'set',
    complete,
  };
  const kind = prefix ? TOKEN_KINDS[prefix] : 'token';
  return {
    verification: 'verified',
    reason: `Vercel accepts it as a ${kind} "${meta.name}" scoped to ${meta.breadth === 'account' ? 'the whole account' : `${owners.length} team(s)`}`,
    scope: buildScope(facts, identity, kind, meta.expiresAt, unknowns),
  };
}

function readToken(body: unknown): TokenMeta {
  const t = read.obj(read.obj(body, 'body').token, 'token');
  const scopes = t.scopes === undefined ? [] : read.arr(t.scopes, 'token.scopes');
  const teamIds: string[] = [];
  let account = scopes.length === 0;
  for (const [i, raw] of scopes.entries()) {
    const s = read.obj(raw, `token.scopes[${i}]`);
    const type = read.str(s.type, `token.scopes[${i}].type`);
    if (type === 'user') account = true;
    else if (type === 'team') teamIds.push(read.str(s.teamId, `token.scopes[${i}].teamId`));
  }
  const expiresAt = read.optNum(t.expiresAt, 'token.expiresAt');
  return {
    name: read.str(t.name, 'token.name'),
    type: read.str(t.type, 'token.type'),
    breadth: account ? 'account' : 'teams',
    teamIds,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

function readProject(raw: unknown, path: string, owner: OwnerFact, ctx: InspectContext): ProjectFact {
  const p = read.obj(raw, path);
  const name = read.str(p.name, `${path}.name`);
  const targets = p.targets === undefined || p.targets === null ? {} : read.obj(p.targets, `${path}.targets`);
  const prod =
    targets.production === undefined || targets.production === null
      ? undefined
      : read.obj(targets.production, `${path}.targets.production`);
  const aliases =
    prod?.alias === undefined || prod.alias === null ? [] : read.arr(prod.alias, `${path}.targets.production.alias`);
  return {
    name,
    owner: owner.name,
    rights: owner.rights,
    production: prod !== undefined || isProductionName(name, ctx.policy),
    productionDomains: aliases.map((a, i) => read.str(a, `${path}.targets.production.alias[${i}]`)),
  };
}

function readDomain(raw: unknown, path: string, owner: OwnerFact, productionAliases: string[]): DomainFact {
  const d = read.obj(raw, path);
  const name = read.str(d.name, `${path}.name`).toLowerCase();
  return {
    name,
    owner: owner.name,
    rights: owner.rights,
    // `zeit.world`: the domain's nameservers are Vercel's (Vercel's own name for its DNS service).
    vercelDns: read.optStr(d.serviceType, `${path}.serviceType`) === 'zeit.world',
    production: productionAliases.some((a) => a.toLowerCase() === name || a.toLowerCase().endsWith(`.${name}`)),
  };
}
