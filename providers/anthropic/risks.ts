import { intentMismatchRisk } from '../../src/assess/place-risks.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { ADMIN_API_DOCS_URL, anthropicFacts, orgName } from './model.js';

/** Anthropic's own risks: an admin key administers the whole organization. */
export function assessAnthropic(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = anthropicFacts(input.inspection.scope?.facts);
  if (f?.kind !== 'admin') return [];
  return [
    {
      id: 'org-admin',
      severity: 'critical',
      message: `an admin key of ${orgName(f)}: it can create, disable and delete API keys, invite and remove members, and archive workspaces (${f.workspaces.length}${f.moreWorkspaces ? '+' : ''})`,
    },
    ...intentMismatchRisk(input, `is an admin key of ${orgName(f)}`),
  ];
}

/** Names the narrower Anthropic credential: an API key of one workspace. */
export function remediateAnthropic(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = anthropicFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const narrow = 'an API key of a workspace made for this work alone, with a spend limit on the workspace';
  if (f.kind === 'admin') {
    return `Disable this admin key in the Console (Settings, Admin keys); admin keys are for organization administration only (${ADMIN_API_DOCS_URL}): anything else takes ${narrow}. Keep keys in a secret store, not in files.`;
  }
  return `Disable this API key and create ${narrow}; keep it in a secret store, not in files.`;
}
