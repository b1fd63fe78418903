import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';
import { type AnthropicFacts, kindOf, orgName } from './model.js';

const read = shapeReaders('Anthropic');

/** Anthropic's version header is required on every request; 2023-06-01 is the stable one. */
function anthropicGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'Anthropic', path, {
    'x-api-key': credential.secret.reveal(),
    'anthropic-version': '2023-06-01',
  });
}

/** 401: a key Anthropic does not know. 403 may be a missing role or a network rule: it proves nothing. */
function refused(answer: RestAnswer & { ok: false }, path: string): Inspection {
  if (answer.status === 401) {
    return {
      verification: 'invalid',
      reason: 'Anthropic rejects it (HTTP 401): disabled, archived or never issued',
      scope: null,
    };
  }
  if (answer.status === 403) {
    return {
      verification: 'unverified',
      reason: `Anthropic refused GET ${path} (HTTP 403); the key may still be live`,
      scope: null,
    };
  }
  throw new ProviderUnavailableError(`Anthropic answered HTTP ${answer.status} to GET ${path}`);
}

/** Asks Anthropic, read-only: an admin key on the Admin API, an API key on the model list. Never a message (it costs). */
export async function inspectAnthropic(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const kind = kindOf(credential.secret.reveal());
  if (kind === 'oauth') {
    return {
      verification: 'unverified',
      reason:
        'a Claude subscription OAuth token: its only harmless checks go through the OAuth flow, which tokenscope does not run (a refresh would rotate it)',
      scope: null,
    };
  }
  return kind === 'admin' ? inspectAdmin(credential, ctx) : inspectKey(credential, ctx);
}

async function inspectAdmin(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const me = await anthropicGet(ctx, credential, '/v1/organizations/me');
  if (!me.ok) return refused(me, '/v1/organizations/me');
  const org = read.obj(me.body, 'body');
  const name = read.optStr(org.name, 'name');
  const f: AnthropicFacts = {
    kind: 'admin',
    organization: { id: read.str(org.id, 'id'), ...(name ? { name } : {}) },
    workspaces: [],
    moreWorkspaces: false,
    reads: [],
  };
  const workspaces = await anthropicGet(ctx, credential, '/v1/organizations/workspaces?limit=100');
  if (workspaces.ok) {
    const body = read.obj(workspaces.body, 'body');
    f.workspaces = read
      .arr(body.data, 'data')
      .map((w, i) => read.str(read.obj(w, `data[${i}]`).name, `data[${i}].name`));
    f.moreWorkspaces = read.optBool(body.has_more, 'has_more') ?? false;
  } else if (workspaces.status !== 403) return refused(workspaces, '/v1/organizations/workspaces');
  // Members and keys: whether the listing was allowed, never its contents (emails, key hints).
  for (const [what, path] of [
    ['members', '/v1/organizations/users'],
    ['API keys', '/v1/organizations/api_keys'],
  ] as const) {
    const answer = await anthropicGet(ctx, credential, `${path}?limit=1`);
    if (answer.ok) f.reads.push(what);
    else if (answer.status !== 403) return refused(answer, path);
  }
  const unknowns: Unknown[] = [
    {
      what: 'expiry',
      reason:
        'the Admin API lists keys with their expiry but cannot say which is this one; tokenscope keeps none of that list',
    },
  ];
  if (f.moreWorkspaces)
    unknowns.push({ what: 'workspaces beyond the first 100', reason: 'only the first page was listed' });
  return {
    verification: 'verified',
    reason: `Anthropic accepts it as an admin key of ${orgName(f)} (${f.workspaces.length}${f.moreWorkspaces ? '+' : ''} workspace(s))`,
    scope: {
      identity: `organization ${f.organization!.id}`,
      tokenType: 'admin key',
      permissions: ['organization admin', ...f.reads.map((r) => `${r}: read`)],
      capabilities: [
        { action: 'admin', resource: `${orgName(f)}: API keys, members, invites and workspaces` },
        { action: 'delete', resource: 'members, and workspaces by archiving them' },
      ],
      reach: {
        organizations: [f.organization!.name ?? f.organization!.id],
        ...(f.workspaces.length ? { workspaces: f.workspaces } : {}),
      },
      expiresAt: null,
      unknowns,
      facts: { anthropic: f },
    },
  };
}

async function inspectKey(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const models = await anthropicGet(ctx, credential, '/v1/models?limit=1');
  if (!models.ok) return refused(models, '/v1/models');
  read.arr(read.obj(models.body, 'body').data, 'data');
  const header = models.headers.get('anthropic-organization-id');
  const id = header && /^[A-Za-z0-9_-]{1,80}$/.test(header) ? header : undefined;
  const f: AnthropicFacts = {
    kind: 'api',
    ...(id ? { organization: { id } } : {}),
    workspaces: [],
    moreWorkspaces: false,
    reads: [],
  };
  return {
    verification: 'verified',
    reason: `Anthropic accepts it as an API key of ${orgName(f)}`,
    scope: {
      identity: id ? `organization ${id}` : null,
      tokenType: 'API key',
      permissions: ['models: read'],
      capabilities: [
        { action: 'write', resource: `messages billed to ${orgName(f)} (spend), files and batches of its workspace` },
      ],
      reach: id ? { organizations: [id] } : {},
      expiresAt: null,
      unknowns: [
        {
          what: 'the workspace, name and expiry',
          reason: 'an API key has no endpoint describing itself; only an admin key can list keys',
        },
        {
          what: 'permissions',
          reason: 'Anthropic shows none for an API key; learning them would take a write or a paid call',
        },
      ],
      facts: { anthropic: f },
    },
  };
}
