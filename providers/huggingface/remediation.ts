import type { AssessInput } from '../../src/core/provider.js';
import { huggingfaceFacts, TOKEN_DOCS_URL } from './model.js';

/** Names the narrower Hugging Face credential: a fine-grained token scoped to the repos needed. */
export function remediateHuggingFace(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = huggingfaceFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const old = f.role === 'org' ? ' (organization API tokens are deprecated)' : '';
  return `Revoke this token${old} and create a fine-grained token with read access to only the repos it needs, and write access only to the one repo it pushes to, if any, with an expiry; keep it in a secret store (${TOKEN_DOCS_URL}).`;
}
