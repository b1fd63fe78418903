import { namedProject } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import { API_KEYS_DOCS_URL, formOf, isProjectKey, PAT_DOCS_URL, supabaseFacts } from './model.js';

/** Names the narrower Supabase credential that fits where the credential was found. */
export function remediateSupabase(input: AssessInput): string | undefined {
  if (isProjectKey(formOf(input.credential.secret.reveal()))) {
    return `Rotate this key (a new secret key, or the JWT secret for a legacy service_role key) and keep it on servers only, in a secret store; code that runs for users takes the publishable key, with row-level security on every table (Supabase's API keys: ${API_KEYS_DOCS_URL}).`;
  }
  if (input.inspection.verification !== 'verified') return undefined;
  const f = supabaseFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const project = namedProject(input.credential, f.projects);
  const target = project ? `the project "${project.name}" (${project.ref})` : 'the one project it is used for';
  return `Revoke this access token and create a scoped access token limited to ${target}, with Read permissions only unless the work writes, and an expiry (${PAT_DOCS_URL}); for data access, a project key of that project alone is enough.`;
}
