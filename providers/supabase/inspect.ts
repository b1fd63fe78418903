import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Scope, Unknown } from '../../src/core/types.js';
import { isProductionName } from '../../src/assess/policy.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';
import { type BranchFact, formOf, isProjectKey, type ProjectFact, type SupabaseFacts } from './model.js';
import { describeSupabaseOffline } from './offline.js';
import { buildScope } from './scope.js';

const read = shapeReaders('Supabase');

function supabaseGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Supabase', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** Asks the Management API, read-only, which organizations, projects and branches an access token reaches. */
export async function inspectSupabase(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const form = formOf(credential.secret.reveal());
  if (isProjectKey(form)) {
    // A project key works only at its own project's data API, where any call reads or writes data.
    const offline = describeSupabaseOffline(credential);
    const scope: Scope = {
      identity: null,
      tokenType: '',
      permissions: [],
      capabilities: [],
      reach: {},
      expiresAt: null,
      unknowns: [],
      ...offline,
    };
    return {
      verification: 'skipped',
      reason: 'a project key is never sent: what it is and which project it opens are read offline',
      scope,
    };
  }
  const inspection = await inspectAccessToken(credential, ctx, form === 'oauth' ? 'oauth' : 'personal');
  // Supabase's own words travel into reasons: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectAccessToken(
  credential: Credential,
  ctx: InspectContext,
  form: SupabaseFacts['form'],
): Promise<Inspection> {
  const orgsAnswer = await supabaseGet(ctx, credential, '/v1/organizations');
  if (!orgsAnswer.ok) {
    if (orgsAnswer.status === 404)
      throw new ProviderUnavailableError(`Supabase answered ${orgsAnswer.message} to GET /v1/organizations`);
    return {
      verification: 'invalid',
      reason: `Supabase rejects it (${orgsAnswer.message}): expired, revoked or never issued`,
      scope: null,
    };
  }
  const orgs = read.arr(orgsAnswer.body, 'organizations').map((raw, i) => {
    const o = read.obj(raw, `organizations[${i}]`);
    return { slug: read.str(o.id, `organizations[${i}].id`), name: read.str(o.name, `organizations[${i}].name`) };
  });
  const projectsAnswer = await supabaseGet(ctx, credential, '/v1/projects');
  if (!projectsAnswer.ok)
    throw new ProviderUnavailableError(`Supabase refused GET /v1/projects (${projectsAnswer.message})`);
  const limit = Math.max(1, ctx.policy.maxProjects);
  const listed = read.arr(projectsAnswer.body, 'projects');
  const unknowns: Unknown[] = [];
  const projects: ProjectFact[] = [];
  for (const [i, raw] of listed.slice(0, limit).entries()) {
    const p = read.obj(raw, `projects[${i}]`);
    const ref = read.str(p.ref ?? p.id, `projects[${i}].ref`);
    const name = read.str(p.name, `projects[${i}].name`);
    const org =
      read.optStr(p.organization_slug, `projects[${i}].organization_slug`) ??
      read.str(p.organization_id, `projects[${i}].organization_id`);
    const named = isProductionName(name, ctx.policy);
    const branches = await readBranches(ctx, credential, ref, named, unknowns);
    projects.push({ ref, name, org, production: named || branches.some((b) => b.production), branches });
  }
  const complete = listed.length <= limit;
  if (!complete) {
    unknowns.push({
      what: 'reach beyond the first listed',
      reason: `${listed.length} projects, branches read for the first ${limit} (policy maxProjects)`,
    });
  }
  unknowns.push(
    {
      what: 'read-write or read-only',
      reason:
        form === 'oauth'
          ? "an OAuth-app token acts with the scopes its app was granted, which no read-only endpoint returns; the deletions shown are its user's, an upper bound"
          : "a scoped access token may be limited to Read; which it is, and the user's role in each organization, cannot be learned without a write: the deletions shown are an upper bound",
    },
    {
      what: 'expiry',
      reason: 'Supabase shows no expiry for an access token through its API; a classic one never expires',
    },
  );
  const facts: SupabaseFacts = { form, orgs, projects, complete };
  const kind = form === 'oauth' ? 'OAuth-app access token' : 'personal access token';
  return {
    verification: 'verified',
    reason: `Supabase accepts it as a ${kind} reaching ${orgs.length} organization(s) and ${listed.length} project(s)`,
    scope: buildScope(facts, kind, unknowns),
  };
}

/** A project's branches; a project without branching has only itself, its default branch. */
async function readBranches(
  ctx: InspectContext,
  credential: Credential,
  ref: string,
  productionProject: boolean,
  unknowns: Unknown[],
): Promise<BranchFact[]> {
  const path = `/v1/projects/${encodeURIComponent(ref)}/branches`;
  const answer = await supabaseGet(ctx, credential, path);
  if (!answer.ok) {
    // Supabase answers 404 for a project with branching off (UNCONFIRMED: modelled, not observed).
    if (answer.status === 404) return [];
    unknowns.push({ what: `branches of ${ref}`, reason: `Supabase refused GET ${path} (${answer.message})` });
    return [];
  }
  return read.arr(answer.body, 'branches').map((raw, i) => {
    const b = read.obj(raw, `branches[${i}]`);
    const name = read.str(b.name, `branches[${i}].name`);
    const isDefault = read.optBool(b.is_default, `branches[${i}].is_default`) ?? false;
    return { name, isDefault, production: isProductionName(name, ctx.policy) || (isDefault && productionProject) };
  });
}
