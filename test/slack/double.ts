import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';
import { slackProblems } from './spec.js';

/**
 * A loopback Slack Web API (/api/<method>): auth.test and users.info in the shapes of Slack's
 * published description (each success answer checked against it: `problems`), refusals as HTTP 200
 * `{ ok: false, error }`, and the token's scopes on `X-OAuth-Scopes` with every answer.
 */

export interface DoubleUser {
  id: string;
  name: string;
  role: 'primary owner' | 'owner' | 'admin' | 'member';
}

export interface SlackPlan extends LivePlan {
  kind: 'live';
  token: 'bot' | 'user' | 'app';
  user: DoubleUser;
  scopes: string[];
  team: { id: string; name: string; domain: string };
  enterprise?: { id: string; install: boolean };
  expiresIn?: number;
}

export class SlackDouble extends RestDouble<SlackPlan> {
  readonly problems: string[] = [];

  constructor(tokens: Map<string, SlackPlan | FaultPlan>) {
    super('slack', tokens, '/api');
  }

  protected error(_status: number, message: string): unknown {
    return { ok: false, error: message };
  }

  protected override unknownToken(): Answer {
    return { status: 200, body: { ok: false, error: 'invalid_auth' } };
  }

  protected route(path: string, query: URLSearchParams, who: SlackPlan, _h: IncomingMessage['headers']): Answer {
    const scopes = { 'x-oauth-scopes': who.scopes.join(','), 'x-accepted-oauth-scopes': '' };
    const answer = (body: Record<string, unknown>): Answer => {
      this.problems.push(...slackProblems(path, body));
      return { status: 200, body, headers: scopes };
    };
    switch (path) {
      case '/auth.test':
        return answer({
          ok: true,
          url: `https://${who.team.domain}.slack.com/`,
          team: who.team.name,
          user: who.user.name,
          team_id: who.team.id,
          user_id: who.user.id,
          ...(who.token === 'bot' ? { bot_id: 'B04R7JQ3XKM' } : {}),
          is_enterprise_install: who.enterprise?.install ?? false,
          ...(who.enterprise ? { enterprise_id: who.enterprise.id } : {}),
          ...(who.expiresIn !== undefined ? { expires_in: who.expiresIn } : {}),
        });
      case '/users.info': {
        if (!who.scopes.includes('users:read'))
          return { status: 200, body: { ok: false, error: 'missing_scope', needed: 'users:read' }, headers: scopes };
        if (query.get('user') !== who.user.id)
          return { status: 200, body: { ok: false, error: 'user_not_found' }, headers: scopes };
        const u = who.user;
        return answer({
          ok: true,
          user: {
            id: u.id,
            team_id: who.team.id,
            name: u.name,
            deleted: false,
            color: '9f69e7',
            real_name: u.name,
            tz: 'Europe/Paris',
            tz_label: 'Central European Time',
            tz_offset: 3600,
            profile: {
              real_name: u.name,
              display_name: u.name,
              avatar_hash: 'ge3b51ca72de',
              email: `${u.name}@acme.example`,
              team: who.team.id,
            },
            is_admin: u.role !== 'member',
            is_owner: u.role === 'owner' || u.role === 'primary owner',
            is_primary_owner: u.role === 'primary owner',
            is_restricted: false,
            is_ultra_restricted: false,
            is_bot: false,
            is_app_user: false,
            updated: 1_700_000_000,
            has_2fa: true,
          },
        });
      }
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }
}
