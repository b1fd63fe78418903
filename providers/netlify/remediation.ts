import type { AssessInput } from '../../src/core/provider.js';
import { BUILD_HOOKS_URL, netlifyFacts, TOKEN_DOCS_URL } from './model.js';

/** Names the narrowest Netlify credential that fits: Netlify tokens have no scopes, so narrower means another kind. */
export function remediateNetlify(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = netlifyFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const team = f.teams.length === 1 ? ` ("${f.teams[0]!.slug}")` : '';
  return (
    "Revoke this token: a Netlify token carries its user's full access, with no scopes. To start deploys, use a build hook " +
    `(a URL that triggers one site's build and nothing else: ${BUILD_HOOKS_URL}); where an API token is unavoidable, make it ` +
    `as a dedicated member with the Developer role in only the team it is for${team}, with an expiration date, and keep it ` +
    `in a secret store, not in files (${TOKEN_DOCS_URL}).`
  );
}
