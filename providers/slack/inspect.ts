import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { read, slackCall } from './api.js';
import type { SlackFacts, SlackKind } from './model.js';
import { NEVER_SENT } from './rules.js';
import { buildScope } from './scope.js';

function kindOf(secret: string, botId: string | undefined): SlackKind {
  if (secret.startsWith('xapp-')) return 'app-level token';
  if (secret.startsWith('xoxb-') || botId) return 'bot token';
  if (secret.startsWith('xoxp-')) return 'user token';
  return 'legacy token';
}

/** Asks Slack, read-only, whose token this is, in which workspace, with which scopes. */
export async function inspectSlack(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const never = NEVER_SENT[credential.ruleId];
  const secret = credential.secret.reveal();
  if (never || secret.startsWith('xoxe') || secret.startsWith('https://')) {
    return { verification: 'unverified', reason: never ?? NEVER_SENT['slack-refresh-token']!, scope: null };
  }
  const inspection = await inspectUnscrubbed(credential, ctx, secret);
  // Slack's own words travel into reasons: should it echo the token, it goes no further.
  return JSON.parse(scrub(JSON.stringify(inspection), credential)) as Inspection;
}

async function inspectUnscrubbed(credential: Credential, ctx: InspectContext, secret: string): Promise<Inspection> {
  const auth = await slackCall(ctx, credential, 'auth.test');
  if (!auth.ok) {
    if (!auth.dead) throw new ProviderUnavailableError(`Slack refused auth.test (${auth.error})`);
    return {
      verification: 'invalid',
      reason: `Slack rejects it (${auth.error}): revoked, expired or never issued`,
      scope: null,
    };
  }
  const b = auth.body;
  const botId = read.optStr(b.bot_id, 'bot_id');
  const kind = kindOf(secret, botId);
  const userId = read.optStr(b.user_id, 'user_id');
  const enterpriseId = read.optStr(b.enterprise_id, 'enterprise_id');
  const expiresIn = read.optNum(b.expires_in, 'expires_in');
  const facts: SlackFacts = {
    kind,
    team: read.optStr(b.team, 'team') ?? read.optStr(b.app_name, 'app_name') ?? 'unknown',
    teamId: read.optStr(b.team_id, 'team_id') ?? '',
    ...(enterpriseId ? { enterpriseId } : {}),
    enterpriseInstall: read.optBool(b.is_enterprise_install, 'is_enterprise_install') === true,
    scopes: auth.scopes,
    ...(expiresIn !== undefined ? { expiresInSeconds: expiresIn } : {}),
  };
  const unknowns: Unknown[] = [];
  if (auth.scopes.length === 0) {
    unknowns.push({ what: 'scopes', reason: 'Slack sent no X-OAuth-Scopes header with auth.test' });
  }

  // The role of the person behind a user token: users.info returns the profile and role flags
  // (no token or other secret), and needs users:read.
  if (kind === 'user token' && userId) {
    if (facts.scopes.includes('users:read')) {
      const info = await slackCall(ctx, credential, 'users.info', `?user=${encodeURIComponent(userId)}`);
      if (info.ok) {
        const u = read.obj(info.body.user, 'user');
        const flag = (k: string) => read.optBool(u[k], `user.${k}`) === true;
        facts.role = flag('is_primary_owner')
          ? 'primary owner'
          : flag('is_owner')
            ? 'owner'
            : flag('is_admin')
              ? 'admin'
              : 'member';
      } else {
        unknowns.push({ what: "the user's role", reason: `Slack refused users.info (${info.error})` });
      }
    } else {
      unknowns.push({
        what: "the user's role",
        reason: 'reading whether the user is an admin or owner needs users:read, which this token lacks',
      });
    }
  }
  unknowns.push({
    what: 'channels reached',
    reason: 'tokenscope does not list conversations; a scope reaches every channel the bot or user is in',
  });

  const user = read.optStr(b.user, 'user');
  const identity = user ? `${kind === 'bot token' ? 'bot' : 'user'} ${user} in ${facts.team}` : `app in ${facts.team}`;
  return {
    verification: 'verified',
    reason: `Slack accepts it as a ${kind} of workspace "${facts.team}"${enterpriseId ? ` (Enterprise Grid ${enterpriseId})` : ''}`,
    scope: buildScope(facts, identity, unknowns),
  };
}
