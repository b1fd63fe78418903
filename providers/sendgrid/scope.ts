import type { Capability, Scope, Unknown } from '../../src/core/types.js';
import type { SendgridFacts } from './model.js';

const RANK = { admin: 0, delete: 1, write: 2, read: 3 } as const;
/** Scope families that administer the account: its keys and who may use it. */
const ADMIN_FAMILIES = new Set(['api_keys', 'teammates', 'subusers']);

/** One capability per scope family (`mail`, `templates`...), the strongest of its scopes. */
function capabilities(f: SendgridFacts): Capability[] {
  const families = new Map<string, Capability['action']>();
  for (const s of f.scopes) {
    const family = s.split('.')[0] ?? s;
    const verb = s.split('.').pop() ?? '';
    let action: Capability['action'] = verb === 'delete' ? 'delete' : verb === 'read' ? 'read' : 'write';
    if (ADMIN_FAMILIES.has(family) && action !== 'read') action = 'admin';
    const had = families.get(family);
    if (!had || RANK[action] < RANK[had]) families.set(family, action);
  }
  const resource = (family: string) =>
    family === 'mail' ? "mail: send as the account's verified senders and domains" : family;
  return [...families.entries()]
    .map(([family, action]) => ({ action, resource: resource(family) }))
    .sort((a, b) => RANK[a.action] - RANK[b.action]);
}

export function buildScope(f: SendgridFacts, unknowns: Unknown[]): Scope {
  return {
    identity: f.username ? `account ${f.username}` : null,
    tokenType: 'API key',
    permissions: [...f.scopes.map((s) => `scope: ${s}`), ...(f.accountType ? [`account type: ${f.accountType}`] : [])],
    capabilities: capabilities(f),
    reach: f.username ? { accounts: [f.username] } : {},
    expiresAt: null,
    unknowns,
    facts: { sendgrid: f },
  };
}
