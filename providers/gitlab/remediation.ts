import { words } from '../../src/assess/policy.js';
import { placeNames } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import { administers, gitlabFacts, PROJECT_TOKEN_DOCS_URL, pushes } from './model.js';

/** Names the narrowest GitLab credential that fits where the token was found. */
export function remediateGitlab(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = gitlabFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const said = new Set(placeNames(input.credential).flatMap(words));
  // The project its place names (by its last path segment), else the only one it reaches.
  const project =
    f.projects.find((p) => {
      const w = words(p.name.split('/').pop() ?? '');
      return w.length > 0 && w.every((x) => said.has(x));
    }) ?? (f.projects.length === 1 ? f.projects[0] : undefined);
  const target = project ? `the project "${project.name}"` : 'the one project it is used for';
  const scope = pushes(f)
    ? '`read_repository` (add `write_repository` only if it must push, never `api`)'
    : '`read_repository` or `read_api`, whichever it uses';
  const admin = administers(f) ? " Never use an administrator's token in automation." : '';
  return `Revoke this token and create a project access token for ${target} with only ${scope}, the Reporter or Developer role and an expiry date; keep it in a secret store, not in files (${PROJECT_TOKEN_DOCS_URL}).${admin}`;
}
