import { words } from '../../src/assess/policy.js';
import { placeNames } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import { PROJECT_TOKEN_DOCS_URL, TOKEN_DOCS_URL, vercelFacts } from './model.js';

/** Names the narrowest Vercel credential that fits where the token was found. */
export function remediateVercel(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = vercelFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const said = new Set(placeNames(input.credential).flatMap(words));
  // The project its place names, else the only one it reaches.
  const project =
    f.projects.find((p) => words(p.name).length > 0 && words(p.name).every((w) => said.has(w))) ??
    (f.projects.length === 1 ? f.projects[0] : undefined);
  const team = project?.owner ?? (f.owners.length === 1 ? f.owners[0]!.name : undefined);
  const target = project
    ? `a token scoped to the project "${project.name}" of "${project.owner}" (${PROJECT_TOKEN_DOCS_URL})`
    : `a token scoped to the one team it is used for${team ? ` ("${team}")` : ''}`;
  const expiry = f.expiry === 'none' ? ', with an expiration date' : '';
  const deploy = project?.production
    ? ' If it only deploys, a Git integration or a deploy hook needs no token in files at all.'
    : '';
  return `Revoke this token and create ${target}${expiry}, made by a user whose team role is no more than the work needs (Developer rather than Owner); keep it in a secret store, not in files (Vercel's token docs: ${TOKEN_DOCS_URL}).${deploy}`;
}
