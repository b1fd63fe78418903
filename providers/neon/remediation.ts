import { namedProject } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import { API_KEYS_DOCS_URL, neonFacts } from './model.js';

/** Names the narrower Neon credential that fits where the key was found. */
export function remediateNeon(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = neonFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const project = namedProject(input.credential, f.projects);
  const target = project ? `the project "${project.name}" (${project.id})` : 'the one project it is used for';
  return `Revoke this key and create a project-scoped API key for ${target} (${API_KEYS_DOCS_URL}#project-scoped-api-keys); code that only queries data needs no API key at all, but a connection string for a role with only the grants it uses.`;
}
