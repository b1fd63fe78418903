import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Capability, Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, shapeReaders } from '../../src/inspect/rest.js';
import { type HuggingFaceFacts, type OwnerFact, rightsOfRole } from './model.js';

const read = shapeReaders('Hugging Face');

/** Asks Hugging Face, with one read (`whoami-v2`), whose token this is and what it may write. */
export async function inspectHuggingFace(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const answer = await getJson(ctx, 'Hugging Face', '/api/whoami-v2', {
    Authorization: `Bearer ${credential.secret.reveal()}`,
  });
  let inspection: Inspection;
  if (!answer.ok) {
    if (answer.status === 404)
      throw new ProviderUnavailableError(`Hugging Face answered ${answer.message} to whoami-v2`);
    inspection = {
      verification: 'invalid',
      reason: `Hugging Face rejects it (${answer.message}): revoked, expired or never issued`,
      scope: null,
    };
  } else {
    inspection = { verification: 'verified', ...describe(answer.body) };
  }
  // Hugging Face's own words travel into reasons: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

function describe(body: unknown): Omit<Inspection, 'verification'> {
  const me = read.obj(body, 'body');
  const name = read.str(me.name, 'name');
  const type = read.optStr(me.type, 'type') ?? 'user';
  const auth = me.auth === undefined ? {} : read.obj(me.auth, 'auth');
  const token = auth.accessToken === undefined ? {} : read.obj(auth.accessToken, 'auth.accessToken');
  // A deprecated organization token answers as the organization itself, with no accessToken.
  const role = read.optStr(token.role, 'auth.accessToken.role') ?? (type === 'org' ? 'org' : 'unknown');
  const unknowns: Unknown[] = [];

  const orgs = me.orgs === undefined ? [] : read.arr(me.orgs, 'orgs');
  const memberships = orgs.map((raw, i) => {
    const o = read.obj(raw, `orgs[${i}]`);
    return { name: read.str(o.name, `orgs[${i}].name`), role: read.optStr(o.roleInOrg, `orgs[${i}].roleInOrg`) };
  });

  const owners: OwnerFact[] = [];
  const repoWrites: string[] = [];
  const globalPermissions: string[] = [];
  if (role === 'write' || role === 'org') {
    owners.push({ name, kind: type === 'org' ? 'org' : 'user', rights: 'write' });
    for (const m of memberships) {
      owners.push({ name: m.name, kind: 'org', ...(m.role ? { role: m.role } : {}), rights: rightsOfRole(m.role) });
    }
    if (memberships.some((m) => m.role === undefined)) {
      unknowns.push({
        what: 'organization roles',
        reason: 'whoami-v2 did not state the role in some organizations: their rights are shown as read, a lower bound',
      });
    }
  } else if (role === 'read') {
    owners.push({ name, kind: 'user', rights: 'read' });
    for (const m of memberships)
      owners.push({ name: m.name, kind: 'org', ...(m.role ? { role: m.role } : {}), rights: 'read' });
  } else if (role === 'fineGrained') {
    readFineGrained(token, name, memberships, owners, repoWrites, globalPermissions);
    unknowns.push({
      what: 'fine-grained permission names',
      reason:
        'Hugging Face does not document the fine-grained payload of whoami-v2 (UNCONFIRMED): permissions are read from its observed shape',
    });
  } else {
    unknowns.push({ what: 'token role', reason: `whoami-v2 gave the role "${role}", which tokenscope does not know` });
  }
  const expiresAt =
    read.optStr(auth.expiresAt, 'auth.expiresAt') ?? read.optStr(token.expiration, 'auth.accessToken.expiration');
  const tokenName = read.optStr(token.displayName, 'auth.accessToken.displayName');
  const facts: HuggingFaceFacts = {
    user: name,
    role,
    ...(tokenName ? { tokenName } : {}),
    owners,
    repoWrites,
    globalPermissions,
    ...(expiresAt ? { expiresAt } : {}),
  };
  const writes = owners.filter((o) => o.rights !== 'read').length + repoWrites.length;
  return {
    reason: `Hugging Face accepts it as a ${role === 'org' ? 'deprecated organization' : role} token of ${type} "${name}"${writes > 0 ? `, writing to ${writes} namespace(s) or repo(s)` : ''}`,
    scope: {
      identity: `${type} ${name}`,
      tokenType: role === 'org' ? 'organization API token (deprecated)' : `${role} access token`,
      permissions: [
        `role: ${role}`,
        ...memberships.map((m) => `org ${m.name}: ${m.role ?? 'role not stated'}`),
        ...globalPermissions.map((p) => `global: ${p}`),
      ],
      capabilities: capabilities(facts),
      reach: Object.fromEntries(
        Object.entries({
          organizations: memberships.map((m) => m.name),
          'writable namespaces': owners.filter((o) => o.rights !== 'read').map((o) => o.name),
          'writable repos': repoWrites,
        }).filter(([, v]) => v.length > 0),
      ),
      expiresAt: expiresAt ?? null,
      unknowns,
      facts: { huggingface: facts },
    },
  };
}

/** `fineGrained: { global: [...], scoped: [{ entity: { type, name }, permissions: [...] }] }`. */
function readFineGrained(
  token: Record<string, unknown>,
  user: string,
  memberships: { name: string; role?: string | undefined }[],
  owners: OwnerFact[],
  repoWrites: string[],
  globalPermissions: string[],
): void {
  const fg = token.fineGrained === undefined ? {} : read.obj(token.fineGrained, 'fineGrained');
  const global = fg.global === undefined ? [] : read.arr(fg.global, 'fineGrained.global');
  globalPermissions.push(...global.map((p, i) => read.str(p, `fineGrained.global[${i}]`)));
  const scoped = fg.scoped === undefined ? [] : read.arr(fg.scoped, 'fineGrained.scoped');
  for (const [i, raw] of scoped.entries()) {
    const s = read.obj(raw, `fineGrained.scoped[${i}]`);
    const entity = read.obj(s.entity, `fineGrained.scoped[${i}].entity`);
    const type = read.str(entity.type, `fineGrained.scoped[${i}].entity.type`);
    const name = read.str(entity.name, `fineGrained.scoped[${i}].entity.name`);
    const perms = read
      .arr(s.permissions, `fineGrained.scoped[${i}].permissions`)
      .map((p, j) => read.str(p, `fineGrained.scoped[${i}].permissions[${j}]`));
    const writes = perms.some((p) => p === 'repo.write' || p.endsWith('.write'));
    if (type === 'user' || type === 'org') {
      const role = type === 'org' ? memberships.find((m) => m.name === name)?.role : undefined;
      // Writing as the user never exceeds the user's own role in the organization.
      const ceiling = type === 'user' ? 'write' : rightsOfRole(role);
      const rights = !writes
        ? 'read'
        : perms.includes('org.write') && ceiling === 'admin'
          ? 'admin'
          : ceiling === 'read'
            ? 'read'
            : 'write';
      owners.push({ name: type === 'user' ? name || user : name, kind: type, ...(role ? { role } : {}), rights });
    } else if (writes) {
      repoWrites.push(`${type}:${name}`);
    }
  }
}

function capabilities(f: HuggingFaceFacts): Capability[] {
  const caps: Capability[] = [];
  for (const o of f.owners) {
    const what = `${o.kind === 'org' ? 'organization' : 'user'} "${o.name}"`;
    if (o.rights === 'admin') {
      caps.push({ action: 'admin', resource: `${what} (members, settings, tokens)` });
      caps.push({ action: 'delete', resource: `models, datasets and Spaces of ${what}` });
    } else if (o.rights === 'write') {
      caps.push({ action: 'write', resource: `models, datasets and Spaces of ${what}` });
    } else caps.push({ action: 'read', resource: `repos of ${what}` });
  }
  for (const r of f.repoWrites) caps.push({ action: 'write', resource: `repo ${r}` });
  const rank = { admin: 0, delete: 1, write: 2, read: 3 } as const;
  return caps.sort((a, b) => rank[a.action] - rank[b.action]);
}
