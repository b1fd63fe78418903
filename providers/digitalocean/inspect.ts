import { isProductionName } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { getObject, list, text } from './client.js';
import type { DoFacts, DoProject, DoResource, ResourceType } from './model.js';
import { buildScope } from './scope.js';

/** Asks DigitalOcean, read-only, who the token is and which projects and resources it reads. */
export async function inspectDigitalOcean(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const result = await inspectUnscrubbed(credential, ctx);
  return JSON.parse(scrub(JSON.stringify(result), credential)) as Inspection;
}

/** Listings whose answers hold no other secret (not /v2/databases: it returns connection passwords). */
const LISTINGS: { type: Exclude<ResourceType, 'database'>; path: string; key: string }[] = [
  { type: 'droplet', path: '/v2/droplets', key: 'droplets' },
  { type: 'volume', path: '/v2/volumes', key: 'volumes' },
  { type: 'domain', path: '/v2/domains', key: 'domains' },
];

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  if (credential.secret.reveal().startsWith('dor_v1_')) {
    return {
      verification: 'unverified',
      reason:
        "a refresh token is accepted only by DigitalOcean's OAuth token exchange, which mints a new access token: tokenscope never sends it",
      scope: null,
    };
  }
  const unknowns: Unknown[] = [];
  const refused: string[] = [];
  let complete = true;

  const account = await getObject(ctx, credential, '/v2/account', 'account');
  if (!account.ok && account.status === 401) {
    return { verification: 'invalid', reason: `DigitalOcean rejects it: ${account.message}`, scope: null };
  }
  let identity: string | null = null;
  let team: string | null = null;
  if (account.ok) {
    identity = typeof account.value.email === 'string' ? account.value.email : null;
    const t = account.value.team as { name?: unknown } | undefined;
    team = typeof t?.name === 'string' ? t.name : null;
  } else {
    refused.push('account');
  }

  // Projects, and what is assigned to each: DigitalOcean's own production marker is the
  // project's environment; a database cluster is known by its URN here, without its credentials.
  const projects: DoProject[] = [];
  const projectOf = new Map<string, DoProject>();
  const databases: string[] = [];
  const listed = await list(ctx, credential, '/v2/projects', 'projects');
  if (listed.ok) {
    if (listed.truncated) complete = false;
    for (const [i, p] of listed.items.entries()) {
      const name = text(p.name, `projects[${i}].name`);
      const environment = typeof p.environment === 'string' ? p.environment : '';
      const project = {
        name,
        environment,
        production: environment === 'Production' || isProductionName(name, ctx.policy),
      };
      projects.push(project);
      const resources = await list(
        ctx,
        credential,
        `/v2/projects/${encodeURIComponent(text(p.id, `projects[${i}].id`))}/resources`,
        'resources',
      );
      if (!resources.ok) {
        complete = false;
        unknowns.push({ what: `resources of project "${name}"`, reason: `DigitalOcean refused: ${resources.message}` });
        continue;
      }
      if (resources.truncated) complete = false;
      for (const [j, r] of resources.items.entries()) {
        const urn = text(r.urn, `resources[${j}].urn`);
        projectOf.set(urn, project);
        if (urn.startsWith('do:dbaas:')) databases.push(urn);
      }
    }
  } else if (listed.status === 401) {
    return { verification: 'invalid', reason: `DigitalOcean rejects it: ${listed.message}`, scope: null };
  } else {
    refused.push('projects');
  }

  const resources: DoResource[] = [];
  const place = (type: ResourceType, name: string, urn: string): DoResource => {
    const project = projectOf.get(urn);
    return {
      type,
      name,
      ...(project ? { project: project.name } : {}),
      production: (project?.production ?? false) || isProductionName(name, ctx.policy),
    };
  };
  for (const l of LISTINGS) {
    const got = await list(ctx, credential, l.path, l.key);
    if (!got.ok) {
      if (got.status === 401)
        return { verification: 'invalid', reason: `DigitalOcean rejects it: ${got.message}`, scope: null };
      refused.push(l.key);
      continue;
    }
    if (got.truncated) {
      complete = false;
      unknowns.push({ what: l.key, reason: 'only the first 5000 were read' });
    }
    for (const [i, x] of got.items.entries()) {
      const name = text(x.name, `${l.key}[${i}].name`);
      const id = l.type === 'domain' ? name : text(x.id, `${l.key}[${i}].id`);
      resources.push(place(l.type, name, `do:${l.type}:${id}`));
    }
  }
  for (const urn of databases) resources.push(place('database', urn.slice('do:dbaas:'.length), urn));

  const facts: DoFacts = {
    kind: credential.secret.reveal().startsWith('doo_v1_') ? 'oauth' : 'personal',
    identity,
    team,
    projects,
    resources,
    refused,
    complete,
  };
  const partial = complete ? '' : ' (reach only partly mapped: see unknowns)';
  return {
    verification: 'verified',
    reason: `DigitalOcean accepts it${refused.length > 0 ? `, and refuses it ${refused.join(', ')}: custom scopes` : ''}${partial}`,
    scope: buildScope(facts, unknowns),
  };
}
