import type { AssessInput } from '../../src/core/provider.js';
import { adminScopes, BOT_TOKEN_DOCS_URL, isOwnerOrAdmin, slackFacts } from './model.js';

/** Names the narrower Slack credential: a bot token without admin scopes, or a webhook to post. */
export function remediateSlack(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = slackFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const admin = adminScopes(f).length > 0 || isOwnerOrAdmin(f);
  const person = f.kind === 'user token' ? " rather than a person's user token" : '';
  const drop = admin ? ', without admin scopes' : '';
  return `Revoke this token (regenerate it in the app's settings) and use a bot token${person}${drop}, with only the scopes the job uses (chat:write to post; an incoming webhook if it only posts to one channel), with token rotation on; keep it in a secret store, not in files (${BOT_TOKEN_DOCS_URL}).`;
}
