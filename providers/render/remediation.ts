import type { AssessInput } from '../../src/core/provider.js';
import { API_KEYS_DOCS_URL, DEPLOY_HOOKS_URL, renderFacts } from './model.js';

/** Names the narrowest Render credential that fits: a scoped key for one workspace, or a deploy hook. */
export function remediateRender(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = renderFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const one = f.workspaces.length === 1 ? ` ("${f.workspaces[0]!.name}")` : '';
  return (
    `Revoke this key and create a scoped API key for the one workspace it is for${one}, with only the permissions the work needs ` +
    `(read-only where it only reads: ${API_KEYS_DOCS_URL}); to start deploys, a service's deploy hook needs no API key at all ` +
    `(${DEPLOY_HOOKS_URL}). Keep it in a secret store, not in files, and protect production environments so only Admins can destroy what they hold.`
  );
}
