import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { isProductionName, type Policy } from '../../src/assess/policy.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';
import type { BranchFact, KeyKind, NeonFacts, ProjectFact } from './model.js';
import { buildScope } from './scope.js';

const read = shapeReaders('Neon');
/** Neon's page size for the project listing (its maximum is 400). */
const PAGE_SIZE = 100;

function neonGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Neon', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

async function mustGet(ctx: InspectContext, credential: Credential, path: string): Promise<Record<string, unknown>> {
  const answer = await neonGet(ctx, credential, path);
  if (!answer.ok) throw new ProviderUnavailableError(`Neon refused GET ${path.split('?')[0]} (${answer.message})`);
  return read.obj(answer.body, path.split('?')[0]!);
}

/** Asks Neon, read-only, what kind of key this is and which projects, branches and databases it reaches. */
export async function inspectNeon(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const inspection = await inspectUnscrubbed(credential, ctx);
  // Neon's own words travel into reasons: should it echo the key, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const auth = await neonGet(ctx, credential, '/auth');
  if (!auth.ok) {
    if (auth.status === 404) throw new ProviderUnavailableError(`Neon answered ${auth.message} to GET /auth`);
    return {
      verification: 'invalid',
      reason: `Neon rejects it (${auth.message}): revoked or never issued`,
      scope: null,
    };
  }
  const method = read.str(read.obj(auth.body, 'auth').auth_method, 'auth.auth_method');
  if (method !== 'api_key_user' && method !== 'api_key_org') {
    throw new ProviderUnavailableError(
      `Neon says this credential authenticates as "${method.slice(0, 40)}", not an API key`,
    );
  }
  const kind: KeyKind = method === 'api_key_user' ? 'personal' : 'organization';
  const unknowns: Unknown[] = [];
  const limit = Math.max(1, ctx.policy.maxProjects);

  // Every organization of a personal key's user; an organization or project key's one organization.
  const orgsBody = await mustGet(ctx, credential, '/users/me/organizations');
  const orgs = read.arr(orgsBody.organizations, 'organizations').map((raw, i) => {
    const o = read.obj(raw, `organizations[${i}]`);
    return { id: read.str(o.id, `organizations[${i}].id`), name: read.str(o.name, `organizations[${i}].name`) };
  });

  const projects: ProjectFact[] = [];
  let complete = true;
  const scopes = kind === 'personal' ? orgs : [undefined];
  for (const org of scopes) {
    const listed = await listProjects(ctx, credential, org?.id, limit - projects.length);
    complete &&= !listed.truncated;
    for (const [i, raw] of listed.items.entries()) {
      const p = read.obj(raw, `projects[${i}]`);
      const id = read.str(p.id, `projects[${i}].id`);
      if (projects.some((x) => x.id === id)) continue;
      const orgId = read.optStr(p.org_id, `projects[${i}].org_id`);
      const name = read.str(p.name, `projects[${i}].name`);
      projects.push(
        await readProject(
          ctx,
          credential,
          id,
          name,
          orgs.find((o) => o.id === orgId)?.name ?? orgId ?? org?.name ?? 'personal',
          ctx.policy,
        ),
      );
    }
    if (projects.length >= limit) break;
  }
  if (!complete) {
    unknowns.push({
      what: 'reach beyond the first listed',
      reason: `listings stop at ${limit} projects (policy maxProjects); counts are lower bounds`,
    });
  }
  if (kind === 'organization') {
    unknowns.push({
      what: 'organization or project key',
      reason:
        'Neon answers `api_key_org` for both an organization key and a project-scoped key; the projects listed are what this key sees',
    });
  }
  const facts: NeonFacts = { kind, orgs: orgs.map((o) => o.name), projects, complete };
  const label = kind === 'personal' ? 'personal API key' : 'organization API key';
  return {
    verification: 'verified',
    reason: `Neon accepts it as ${kind === 'personal' ? 'a' : 'an'} ${label} reaching ${projects.length} project(s)`,
    scope: buildScope(facts, label, unknowns),
  };
}

/** Walks `GET /projects` with Neon's cursor: `pagination.cursor` names the last item; a short page is the last. */
async function listProjects(
  ctx: InspectContext,
  credential: Credential,
  orgId: string | undefined,
  limit: number,
): Promise<{ items: unknown[]; truncated: boolean }> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const q = new URLSearchParams({
      limit: String(PAGE_SIZE),
      ...(orgId ? { org_id: orgId } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const body = await mustGet(ctx, credential, `/projects?${q}`);
    const page = read.arr(body.projects, 'projects');
    items.push(...page);
    const pagination = body.pagination === undefined ? {} : read.obj(body.pagination, 'pagination');
    const next = read.optStr(pagination.cursor, 'pagination.cursor');
    if (page.length < PAGE_SIZE || next === undefined)
      return { items: items.slice(0, limit), truncated: items.length > limit };
    if (items.length >= limit) return { items: items.slice(0, limit), truncated: true };
    // A cursor seen twice would loop forever on a confused server.
    if (seen.has(next)) return { items, truncated: true };
    seen.add(next);
    cursor = next;
  }
}

async function readProject(
  ctx: InspectContext,
  credential: Credential,
  id: string,
  name: string,
  org: string,
  policy: Policy,
): Promise<ProjectFact> {
  const named = isProductionName(name, policy);
  const base = `/projects/${encodeURIComponent(id)}/branches`;
  const listed = read.arr((await mustGet(ctx, credential, base)).branches, 'branches');
  const branches: BranchFact[] = [];
  for (const [i, raw] of listed.entries()) {
    const b = read.obj(raw, `branches[${i}]`);
    const branchId = read.str(b.id, `branches[${i}].id`);
    const branchName = read.str(b.name, `branches[${i}].name`);
    const isDefault = read.optBool(b.default, `branches[${i}].default`) ?? false;
    const isProtected = read.optBool(b.protected, `branches[${i}].protected`) ?? false;
    const dbs = read.arr(
      (await mustGet(ctx, credential, `${base}/${encodeURIComponent(branchId)}/databases`)).databases,
      'databases',
    );
    branches.push({
      id: branchId,
      name: branchName,
      isDefault,
      production: isProtected || isProductionName(branchName, policy) || (isDefault && named),
      databases: dbs.map((d, j) => read.str(read.obj(d, `databases[${j}]`).name, `databases[${j}].name`)),
    });
  }
  return { id, name, org, production: named || branches.some((b) => b.production), branches };
}
