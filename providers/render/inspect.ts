import { isProductionName } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { read, renderGet, walkCursor } from './api.js';
import {
  type EnvironmentFact,
  type RenderFacts,
  type ResourceFact,
  type ResourceKind,
  rightsOf,
  type WorkspaceFact,
} from './model.js';
import { buildScope } from './scope.js';

/** Asks Render, read-only, whose key this is and what it reaches in each workspace. */
export async function inspectRender(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const inspection = await inspectUnscrubbed(credential, ctx);
  // Render's own words travel into reasons and unknowns: should it echo the key, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const limit = Math.max(1, ctx.policy.maxProjects);
  const unknowns: Unknown[] = [];
  const me = await renderGet(ctx, credential, '/users');
  if (!me.ok && me.status === 401) {
    return {
      verification: 'invalid',
      reason: `Render rejects it (${me.message}): revoked or never issued`,
      scope: null,
    };
  }
  const email = me.ok ? read.optStr(read.obj(me.body, 'user').email, 'user.email') : undefined;
  if (!me.ok) unknowns.push({ what: 'identity', reason: `Render refused GET /users (${me.message})` });

  const owners = await walkCursor(ctx, credential, '/owners', {}, 'owner', limit);
  if (!owners.ok) {
    return { verification: 'invalid', reason: `Render rejects it (${owners.message})`, scope: null };
  }
  let complete = !owners.truncated;
  const workspaces: WorkspaceFact[] = [];
  const environments: EnvironmentFact[] = [];
  const resources: ResourceFact[] = [];
  for (const [i, o] of owners.items.entries()) {
    const id = read.str(o.id, `owners[${i}].id`);
    const name = read.str(o.name, `owners[${i}].name`);
    const type = read.optStr(o.type, `owners[${i}].type`) ?? 'team';
    const role = type === 'user' ? 'owner' : await roleIn(ctx, credential, id, email, unknowns, name);
    workspaces.push({ id, name, type, role, rights: rightsOf(role) });

    const envById = new Map<string, EnvironmentFact>();
    const projects = await walkCursor(ctx, credential, '/projects', { ownerId: id }, 'project', limit);
    complete &&= !projects.ok || !projects.truncated;
    for (const [j, p] of (projects.ok ? projects.items : []).entries()) {
      const project = read.str(p.name, `projects[${j}].name`);
      const envs = await walkCursor(
        ctx,
        credential,
        '/environments',
        { projectId: read.str(p.id, `projects[${j}].id`) },
        'environment',
        limit,
      );
      complete &&= !envs.ok || !envs.truncated;
      for (const [k, e] of (envs.ok ? envs.items : []).entries()) {
        const envName = read.str(e.name, `environments[${k}].name`);
        const isProtected = read.optStr(e.protectedStatus, `environments[${k}].protectedStatus`) === 'protected';
        const env = {
          id: read.str(e.id, `environments[${k}].id`),
          name: envName,
          project,
          protected: isProtected,
          production: isProtected || isProductionName(envName, ctx.policy),
        };
        envById.set(env.id, env);
        environments.push(env);
      }
    }
    const kinds: [ResourceKind, string, string][] = [
      ['service', '/services', 'service'],
      ['postgres', '/postgres', 'postgres'],
      ['key-value', '/key-value', 'keyValue'],
      ['disk', '/disks', 'disk'],
    ];
    const services = new Map<string, ResourceFact>();
    for (const [kind, path, key] of kinds) {
      const listed = await walkCursor(ctx, credential, path, { ownerId: id }, key, limit);
      if (!listed.ok) {
        unknowns.push({ what: `${kind}s of "${name}"`, reason: `Render refused to list them (${listed.message})` });
        continue;
      }
      complete &&= !listed.truncated;
      for (const [j, r] of listed.items.entries()) {
        const at = `${path}[${j}]`;
        const rname = read.str(r.name, `${at}.name`);
        // A disk belongs where its service does.
        const service = kind === 'disk' ? services.get(read.optStr(r.serviceId, `${at}.serviceId`) ?? '') : undefined;
        const env =
          kind === 'disk'
            ? envById.get(service?.environment ?? '')
            : envById.get(read.optStr(r.environmentId, `${at}.environmentId`) ?? '');
        const fact: ResourceFact = {
          kind,
          name: rname,
          workspace: name,
          ...(env ? { environment: env.id } : {}),
          production: env?.production ?? (service?.production || isProductionName(rname, ctx.policy)),
          protected: env?.protected ?? service?.protected ?? false,
          ...(kind === 'disk'
            ? {
                detail: `${read.optNum(r.sizeGB, `${at}.sizeGB`) ?? '?'} GB at ${read.optStr(r.mountPath, `${at}.mountPath`) ?? '?'}${service ? ` on service "${service.name}"` : ''}`,
              }
            : {}),
        };
        if (kind === 'service') services.set(read.str(r.id, `${at}.id`), fact);
        resources.push(fact);
      }
    }
  }
  if (!complete)
    unknowns.push({
      what: 'reach beyond the first listed',
      reason: `listings stop at ${limit} items (policy maxProjects)`,
    });
  unknowns.push({
    what: "the key's own permissions",
    reason:
      "Render shows no endpoint for a key's kind or grant: a classic key acts with its user's role in every workspace, a scoped key in one, possibly read-only; what it may write or delete cannot be learned without a write",
  });

  const facts: RenderFacts = { ...(email ? { email } : {}), workspaces, environments, resources, complete };
  return {
    verification: 'verified',
    reason: `Render accepts it as an API key of ${email ?? 'its user'}, reaching ${workspaces.length} workspace(s)`,
    scope: buildScope(facts, unknowns),
  };
}

/**
 * The user's role in a workspace, from its member list. Whether Render wraps members as the other
 * lists do (`{ member, cursor }`) is not settled by the sources at hand: both shapes are read.
 */
async function roleIn(
  ctx: InspectContext,
  credential: Credential,
  ownerId: string,
  email: string | undefined,
  unknowns: Unknown[],
  name: string,
): Promise<string> {
  const members = await renderGet(ctx, credential, `/owners/${encodeURIComponent(ownerId)}/members`);
  if (!members.ok) {
    unknowns.push({
      what: `role in workspace "${name}"`,
      reason: `Render refused to list its members (${members.message})`,
    });
    return 'unknown';
  }
  for (const [i, raw] of read.arr(members.body, 'members').entries()) {
    const entry = read.obj(raw, `members[${i}]`);
    const m = entry.member === undefined ? entry : read.obj(entry.member, `members[${i}].member`);
    if (email !== undefined && read.optStr(m.email, `members[${i}].email`) === email) {
      return read.optStr(m.role, `members[${i}].role`) ?? 'unknown';
    }
  }
  return 'unknown';
}
