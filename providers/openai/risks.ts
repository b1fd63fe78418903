import { intentMismatchRisk } from '../../src/assess/place-risks.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { ADMIN_KEYS_DOCS_URL, KEY_PERMISSIONS_DOCS_URL, openaiFacts, orgName } from './model.js';

/** OpenAI's own risks: an admin key administers the whole organization. */
export function assessOpenAI(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = openaiFacts(input.inspection.scope?.facts);
  if (f?.kind !== 'admin') return [];
  const projects = `${f.projects.length}${f.moreProjects ? '+' : ''} project(s)`;
  return [
    {
      id: 'org-admin',
      severity: 'critical',
      message: `an admin key of ${orgName(f)} (${projects}): it can create and delete API keys and admin keys, invite and remove members, and archive projects`,
    },
    ...intentMismatchRisk(input, `is an admin key of ${orgName(f)}`),
  ];
}

/** Names the narrower OpenAI credential: a project key with restricted permissions. */
export function remediateOpenAI(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = openaiFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const project = `a project API key of the one project the work needs, with Restricted or Read only permissions (${KEY_PERMISSIONS_DOCS_URL})`;
  if (f.kind === 'admin') {
    return `Delete this admin key (Organization settings, Admin keys: ${ADMIN_KEYS_DOCS_URL}); admin keys are for organization administration only: anything else takes ${project}. Keep keys in a secret store, not in files.`;
  }
  return `Revoke this ${f.kind} key and create ${project}; keep it in a secret store, not in files.`;
}
