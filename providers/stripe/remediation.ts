import type { AssessInput } from '../../src/core/provider.js';
import { customerReads, KEYS_DOCS_URL, RESTRICTED_DOCS_URL, stripeFacts } from './model.js';

/** Names the narrower Stripe credential: a restricted key with only the permissions the work needs. */
export function remediateStripe(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = stripeFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  if (!f.live) {
    return `A test-mode key reaches test data only; still roll it in the Dashboard and keep its replacement in a secret store, not in files (${KEYS_DOCS_URL}).`;
  }
  const restricted = `a restricted key (rk_live_) with only the permissions the work needs, None for the rest (${RESTRICTED_DOCS_URL})`;
  if (f.kind === 'secret') {
    return `Roll this live secret key in the Dashboard (API keys, Roll key) and use ${restricted}; keep it in a secret store, not in files.`;
  }
  const reads = customerReads(f);
  return `Roll this restricted key and create ${restricted}${reads.length > 0 ? `: it reads ${reads.join(', ')} today` : ''}; keep it in a secret store, not in files.`;
}
