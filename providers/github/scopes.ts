/**
 * OAuth scopes of classic PATs and OAuth tokens. `X-OAuth-Scopes` lists only what was granted at
 * creation; a parent scope silently grants its children, so the header is expanded before any
 * capability is read from it.
 */
const IMPLIED: Record<string, string[]> = {
  repo: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:org_hook': [],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:gpg_key': ['write:gpg_key', 'read:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  user: ['read:user', 'user:email', 'user:follow'],
  'write:packages': ['read:packages'],
  'admin:enterprise': ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'],
  'manage_billing:enterprise': ['read:enterprise'],
  project: ['read:project'],
  'write:discussion': ['read:discussion'],
  codespace: ['codespace:secrets'],
};

/** The scopes named in an `X-OAuth-Scopes` header value ("repo, admin:org"). */
export function parseScopeHeader(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The granted scopes plus every scope they imply, sorted, each once. */
export function expandScopes(granted: string[]): string[] {
  const out = new Set<string>();
  const visit = (s: string) => {
    if (out.has(s)) return;
    out.add(s);
    // Own keys only: a scope named "toString" must not reach Object.prototype.
    for (const child of Object.hasOwn(IMPLIED, s) ? IMPLIED[s]! : []) visit(child);
  };
  for (const s of granted) visit(s);
  return [...out].sort();
}
