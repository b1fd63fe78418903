/** What the Hugging Face inspector learns, kept in Scope.facts.huggingface. */
export const TOKEN_DOCS_URL = 'https://huggingface.co/docs/hub/security-tokens';

/** What the token may do to one owner's repos (an organization, or the user's own namespace). */
export type Rights = 'admin' | 'write' | 'read';

export interface OwnerFact {
  name: string;
  kind: 'user' | 'org';
  /** The user's role in the organization (`roleInOrg`: admin, write, contributor, read), when said. */
  role?: string;
  rights: Rights;
}

export interface HuggingFaceFacts {
  user: string;
  /** The token's role: `read`, `write` or `fineGrained`; `org` for a deprecated organization token. */
  role: string;
  tokenName?: string;
  owners: OwnerFact[];
  /** A fine-grained token's single repos with write (`model:acme/llm`). */
  repoWrites: string[];
  /** A fine-grained token's global permissions (inference, discussions, ...). */
  globalPermissions: string[];
  expiresAt?: string;
}

export function huggingfaceFacts(facts: Record<string, unknown> | undefined): HuggingFaceFacts | undefined {
  return facts?.huggingface as HuggingFaceFacts | undefined;
}

/** A write-capable token acts with the user's role in each organization. */
export function rightsOfRole(role: string | undefined): Rights {
  switch (role) {
    case 'admin':
      return 'admin';
    case 'write':
    case 'contributor':
      return 'write';
    default:
      return 'read';
  }
}
