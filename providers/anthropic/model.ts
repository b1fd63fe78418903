/**
 * What the Anthropic inspector learns, kept in Scope.facts.anthropic for the risk rules and the
 * remediation. Never a member's email nor another key's hint: of the admin listings, only
 * workspace names and whether the listing was allowed.
 */
export const ADMIN_API_DOCS_URL = 'https://docs.anthropic.com/en/api/administration-api';

export type KeyKind = 'admin' | 'api' | 'oauth';

/** sk-ant-admin01- admin key, sk-ant-api03- API key, sk-ant-oat01-/sk-ant-ort01- Claude subscription OAuth tokens. */
export function kindOf(secret: string): KeyKind {
  if (secret.startsWith('sk-ant-admin')) return 'admin';
  if (secret.startsWith('sk-ant-oat') || secret.startsWith('sk-ant-ort')) return 'oauth';
  return 'api';
}

export interface AnthropicFacts {
  kind: 'admin' | 'api';
  organization?: { id: string; name?: string };
  /** Admin key: the organization's workspaces (first page), and whether there are more. */
  workspaces: string[];
  moreWorkspaces: boolean;
  /** Admin key: listings Anthropic allowed (users, api_keys), nothing of what they held. */
  reads: string[];
}

export function anthropicFacts(facts: Record<string, unknown> | undefined): AnthropicFacts | undefined {
  return facts?.anthropic as AnthropicFacts | undefined;
}

export const orgName = (f: AnthropicFacts) =>
  f.organization
    ? `the organization ${f.organization.name ? `"${f.organization.name}" (${f.organization.id})` : f.organization.id}`
    : 'its organization';
