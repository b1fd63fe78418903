import { mentions, words } from '../../src/assess/policy.js';
import type { AssessInput } from '../../src/core/provider.js';
import { type ProjectFact, type RailwayFacts, railwayFacts, TOKEN_DOCS_URL, TOKEN_NAMES } from './model.js';
import { placeNames } from './places.js';

/** The project the token is for: the only one it reaches, or the one its place names. */
function targetProject(f: RailwayFacts, names: string[]): ProjectFact | undefined {
  if (f.projects.length === 1) return f.projects[0];
  const said = new Set(names.flatMap(words));
  return f.projects.find((p) => words(p.name).length > 0 && words(p.name).every((w) => said.has(w)));
}

/**
 * The environment the token is for: the one its place names; else, when the place says "not
 * production", a non-production one; else the project's only environment.
 */
function targetEnvironment(
  p: ProjectFact,
  names: string[],
  f: RailwayFacts,
  nonProduction: string[],
): string | undefined {
  const said = new Set(names.flatMap(words));
  const named = p.environments.find((e) => words(e.name).length > 0 && words(e.name).every((w) => said.has(w)));
  if (named) return named.name;
  if (mentions(names, nonProduction)) return p.environments.find((e) => !e.production)?.name;
  if (p.environments.length === 1) return p.environments[0]!.name;
  return f.kind === 'project' ? f.tokenEnvironment?.environment : undefined;
}

function projectTokenFor(environment: string | undefined, project: string | undefined, word?: string): string {
  if (project && environment) return `a project token for environment «${environment}» of «${project}»`;
  if (project && word) return `a project token for the «${word}» environment of «${project}»`;
  if (project) return `a project token for the one environment of «${project}» it is used for`;
  return 'a project token for the one environment of the one project it is used for';
}

/** Names the narrowest Railway credential that fits where the token was found. */
export function remediateRailway(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = railwayFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const names = placeNames(input.credential);
  const project = targetProject(f, names);
  const environment = project && targetEnvironment(project, names, f, input.policy.nonProductionWords);
  const docs = `Railway's token docs: ${TOKEN_DOCS_URL}`;
  if (f.kind === 'project') {
    const env = f.tokenEnvironment;
    // A production token found in a place that says otherwise: the place's own environment.
    const said = env?.production ? mentions(names, input.policy.nonProductionWords) : undefined;
    if (env && said) {
      const other = project?.environments.find((e) => !e.production)?.name;
      return `Revoke this project token for production and use ${projectTokenFor(other, env.project, said)} instead, kept in a secret store, not in files (${docs}).`;
    }
    return `A project token is already Railway's narrowest credential: rotate it, since it was found in files, and keep its replacement in a secret store (${docs}).`;
  }
  return (
    `Revoke this ${TOKEN_NAMES[f.kind]} and use ${projectTokenFor(environment, project?.name)} instead: ` +
    'it can deploy and manage variables and volumes in that one environment, and cannot delete volumes, ' +
    `environments or projects anywhere else. Keep it in a secret store, not in files (${docs}).`
  );
}
