/**
 * What the OpenAI inspector learns, kept in Scope.facts.openai for the risk rules and the
 * remediation. Never a member's email or another key's hint: of the admin listings, only project
 * names and whether the member listing was allowed.
 */
export const ADMIN_KEYS_DOCS_URL = 'https://platform.openai.com/docs/api-reference/administration';
export const KEY_PERMISSIONS_DOCS_URL = 'https://help.openai.com/en/articles/8867743-assign-api-key-permissions';

export type KeyKind = 'admin' | 'project' | 'service account' | 'user';

/** The key's kind from its prefix (sk-admin-, sk-proj-, sk-svcacct-; anything else is a legacy user key). */
export function kindOf(secret: string): KeyKind {
  if (secret.startsWith('sk-admin-')) return 'admin';
  if (secret.startsWith('sk-proj-')) return 'project';
  if (secret.startsWith('sk-svcacct-')) return 'service account';
  return 'user';
}

export interface OpenAIFacts {
  kind: KeyKind;
  /** From the `openai-organization` answer header (documented). */
  organization?: string;
  /** From the `openai-project` answer header (not in OpenAI's reference: unconfirmed). */
  project?: string;
  /** Admin key: the organization's projects it administers (first page), and whether there are more. */
  projects: string[];
  moreProjects: boolean;
  /** Admin key: OpenAI let it list the organization's members. */
  readsMembers: boolean;
  /** Project or user key: the scope OpenAI named when it refused the models listing. */
  missingScope?: string;
}

export function openaiFacts(facts: Record<string, unknown> | undefined): OpenAIFacts | undefined {
  return facts?.openai as OpenAIFacts | undefined;
}

export const orgName = (f: OpenAIFacts) =>
  f.organization ? `the organization "${f.organization}"` : 'its organization';
