import type { InspectContext } from '../../src/core/provider.js';
import type { Capability, Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';
import { kindOf, type OpenAIFacts, orgName } from './model.js';

const read = shapeReaders('OpenAI');

function openaiGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'OpenAI', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** A header's value when it looks like an id (org-..., proj_...), never free text from the service. */
function idHeader(answer: RestAnswer, name: string): string | undefined {
  const v = answer.ok ? answer.headers.get(name) : null;
  return v && /^[A-Za-z0-9_-]{1,80}$/.test(v) ? v : undefined;
}

/** The scope OpenAI names in a 403 ("Missing scopes: api.model.read"); its words quote the key, so only that. */
function missingScope(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? /\b(api\.[a-z_.]{1,60}[a-z])\b/.exec(message)?.[1] : undefined;
}

/**
 * OpenAI's refusals quote the key's first and last characters: never repeated. 401 is a key OpenAI
 * does not know; a 403 without a named scope may be an IP allowlist, so it proves nothing.
 */
function refused(answer: RestAnswer & { ok: false }, path: string): Inspection {
  if (answer.status === 401) {
    return {
      verification: 'invalid',
      reason: 'OpenAI rejects it (HTTP 401): revoked, deleted or never issued',
      scope: null,
    };
  }
  if (answer.status === 403) {
    return {
      verification: 'unverified',
      reason: `OpenAI refused GET ${path} (HTTP 403): an IP allowlist or a missing permission; the key may still be live`,
      scope: null,
    };
  }
  throw new ProviderUnavailableError(`OpenAI answered HTTP ${answer.status} to GET ${path}`);
}

/** Asks OpenAI, read-only, what the key is: an admin key on the admin listings, any other on the model list. */
export async function inspectOpenAI(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const kind = kindOf(credential.secret.reveal());
  return kind === 'admin' ? inspectAdmin(credential, ctx) : inspectKey(credential, ctx, kind);
}

async function inspectAdmin(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const path = '/v1/organization/projects';
  const listed = await openaiGet(ctx, credential, `${path}?limit=100`);
  if (!listed.ok) return refused(listed, path);
  const body = read.obj(listed.body, 'body');
  const projects = read
    .arr(body.data, 'data')
    .map((p, i) => read.str(read.obj(p, `data[${i}]`).name, `data[${i}].name`));
  const members = await openaiGet(ctx, credential, '/v1/organization/users?limit=1');
  if (!members.ok && members.status !== 403) return refused(members, '/v1/organization/users');
  const organization = idHeader(listed, 'openai-organization');
  const f: OpenAIFacts = {
    kind: 'admin',
    ...(organization ? { organization } : {}),
    projects,
    moreProjects: read.optBool(body.has_more, 'has_more') ?? false,
    // Whether the listing was allowed, nothing of who is in it.
    readsMembers: members.ok,
  };
  const unknowns: Unknown[] = [
    {
      what: 'expiry',
      reason: 'OpenAI shows an admin key its own expiry nowhere that does not also list the other keys',
    },
  ];
  if (!organization) unknowns.push({ what: 'the organization', reason: 'OpenAI named no organization in its answer' });
  if (f.moreProjects)
    unknowns.push({ what: 'projects beyond the first 100', reason: 'only the first page was listed' });
  const capabilities: Capability[] = [
    { action: 'admin', resource: `${orgName(f)}: API keys, admin keys, members, projects and limits` },
    { action: 'delete', resource: 'API keys and projects of every project' },
  ];
  return {
    verification: 'verified',
    reason: `OpenAI accepts it as an admin key of ${orgName(f)} (${projects.length}${f.moreProjects ? '+' : ''} project(s))`,
    scope: {
      identity: organization ? `organization ${organization}` : null,
      tokenType: 'admin key',
      permissions: ['organization admin', ...(f.readsMembers ? ['members: read'] : [])],
      capabilities,
      reach: { ...(organization ? { organizations: [organization] } : {}), ...(projects.length ? { projects } : {}) },
      expiresAt: null,
      unknowns,
      facts: { openai: f },
    },
  };
}

async function inspectKey(credential: Credential, ctx: InspectContext, kind: OpenAIFacts['kind']): Promise<Inspection> {
  const answer = await openaiGet(ctx, credential, '/v1/models');
  const scope = answer.ok ? undefined : answer.status === 403 ? missingScope(answer.body) : undefined;
  if (!answer.ok && !scope) return refused(answer, '/v1/models');
  if (answer.ok) read.arr(read.obj(answer.body, 'body').data, 'data');
  const organization = idHeader(answer, 'openai-organization');
  const project = idHeader(answer, 'openai-project');
  const f: OpenAIFacts = {
    kind,
    ...(organization ? { organization } : {}),
    ...(project ? { project } : {}),
    projects: [],
    moreProjects: false,
    readsMembers: false,
    ...(scope ? { missingScope: scope } : {}),
  };
  const unknowns: Unknown[] = [
    {
      what: 'permissions',
      reason:
        "OpenAI shows a key's permissions (All, Restricted, Read only) nowhere; learning write rights would take a write",
    },
    { what: 'expiry', reason: 'OpenAI does not show when a project or user key expires' },
  ];
  if (project) {
    unknowns.push({
      what: 'the project',
      reason: 'named from the openai-project answer header, which OpenAI does not document (unconfirmed)',
    });
  }
  const where = f.project ? `the project ${f.project}` : orgName(f);
  return {
    verification: 'verified',
    reason: `OpenAI accepts it as a ${kind} key of ${where}${scope ? ` (it lacks ${scope})` : ''}`,
    scope: {
      identity: organization ? `organization ${organization}` : null,
      tokenType: `${kind} key`,
      permissions: scope ? [`models: none (lacks ${scope})`] : ['models: read'],
      capabilities: [
        { action: 'write', resource: `model calls billed to ${orgName(f)} (spend)` },
        ...(scope ? [] : [{ action: 'read' as const, resource: 'models' }]),
      ],
      reach: {
        ...(organization ? { organizations: [organization] } : {}),
        ...(project ? { projects: [`${project} (unconfirmed)`] } : {}),
      },
      expiresAt: null,
      unknowns,
      facts: { openai: f },
    },
  };
}
