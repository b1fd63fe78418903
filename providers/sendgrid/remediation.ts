import type { AssessInput } from '../../src/core/provider.js';
import { KEY_DOCS_URL, keyManagement, sendgridFacts, sendsMail, userManagement } from './model.js';

/** Names the narrower SendGrid credential: a Restricted Access key with only the scopes used. */
export function remediateSendgrid(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = sendgridFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const admin = keyManagement(f).length + userManagement(f).length > 0;
  const example = sendsMail(f) ? ' (Mail Send alone, if it only sends)' : '';
  const never = admin ? '; a key used by an application never needs API key, teammate or subuser management' : '';
  return `Revoke this key (Settings > API Keys) and create a Restricted Access key with only the scopes it uses${example}${never}; keep it in a secret store, not in files (${KEY_DOCS_URL}).`;
}
