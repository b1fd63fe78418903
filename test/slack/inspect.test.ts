import { afterAll, describe, expect, it } from '@jest/globals';
import { slack } from '../../providers/slack/index.js';
import { useDouble } from '../helpers/double-harness.js';
import { doubleContext, foundCredential } from '../helpers/found.js';
import { SlackDouble } from './double.js';
import { slackConfig, slackRefresh, slackWebhook } from './tokens.js';
import { testTokens } from './world.js';

describe('Slack inspection against the double', () => {
  const { plans, tokens } = testTokens();
  const sd = new SlackDouble(plans);
  const { inspect, finding, requestsOf } = useDouble(slack, sd, tokens);
  afterAll(() => {
    // Every success answer the double served matched Slack's published description.
    expect(sd.problems).toEqual([]);
  });

  it("a workspace owner's user token: verified, scopes from X-OAuth-Scopes, role from users.info", async () => {
    const i = await inspect('ownerUser');
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe('Slack accepts it as a user token of workspace "Acme"');
    expect(i.scope?.identity).toBe('user ops in Acme');
    expect(i.scope?.permissions).toEqual([
      'scope: channels:history',
      'scope: im:history',
      'scope: chat:write',
      'scope: users:read',
      'user role: owner',
    ]);
    expect(i.scope?.expiresAt).toBeNull();
    expect(requestsOf('ownerUser').map((r) => r.path)).toEqual(['/auth.test', '/users.info']);
  });

  it("the owner's token: admin, reads-private-messages, can-post-as-user, no intent words, no-expiry", async () => {
    const f = await finding('ownerUser', { path: '.env', name: 'SLACK_TOKEN' });
    const ids = f.risks.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['admin', 'reads-private-messages', 'can-post-as-user', 'no-expiry']));
    expect(f.risks.find((r) => r.id === 'reads-private-messages')?.message).toBe(
      'can read private conversations (im:history) of workspace "Acme"',
    );
    expect(f.remediation).toContain("a bot token rather than a person's user token, without admin scopes");
  });

  it('an Enterprise Grid admin token administers the whole grid', async () => {
    const f = await finding('gridAdmin', { path: '.env', name: 'SLACK_TOKEN' });
    expect(f.inspection.reason).toBe(
      'Slack accepts it as a user token of workspace "Acme" (Enterprise Grid E04R7JQ3XGR)',
    );
    expect(f.inspection.scope?.reach).toEqual({ workspaces: ['Acme'], enterprises: ['E04R7JQ3XGR'] });
    expect(f.inspection.scope?.capabilities[0]).toEqual({
      action: 'admin',
      resource: 'admin.users:write in the Enterprise Grid E04R7JQ3XGR',
    });
    expect(f.risks.find((r) => r.id === 'admin')?.severity).toBe('critical');
  });

  it('a rotating bot token with chat:write only: no broad risk, its expiry read from expires_in', async () => {
    const before = Date.now();
    const f = await finding('narrowBot', { path: '.env', name: 'SLACK_BOT_TOKEN' });
    expect(f.inspection.scope?.tokenType).toBe('bot token');
    expect(f.risks.map((r) => r.id).filter((id) => id !== 'committed-live-credential')).toEqual([]);
    const expires = Date.parse(f.inspection.scope!.expiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 43_200_000 - 1000);
    // A bot token never asks users.info: the role question is about people.
    expect(requestsOf('narrowBot').map((r) => r.path)).toEqual(['/auth.test']);
  });

  it('a member: no admin risk; a token without users:read says the role is unknown', async () => {
    const member = await finding('memberUser', { path: '.env', name: 'SLACK_TOKEN' });
    expect(member.inspection.scope?.permissions).toContain('user role: member');
    expect(member.risks.map((r) => r.id)).not.toContain('admin');
    const blind = await inspect('noUsersRead');
    expect(blind.scope?.unknowns.map((u) => u.what)).toContain("the user's role");
    expect(requestsOf('noUsersRead').map((r) => r.path)).toEqual(['/auth.test']);
  });

  it('an app-level token is verified with auth.test', async () => {
    const i = await inspect('app');
    expect(i.verification).toBe('verified');
    expect(i.scope?.tokenType).toBe('app-level token');
  });

  it.each([
    ['slack-refresh-token', slackRefresh(), 'revokes'],
    ['slack-config-token', slackConfig(), 'App Manifest'],
    ['slack-webhook', slackWebhook(), 'posting to it'],
  ])('never sends a %s, and says why', async (rule, token, why) => {
    const before = sd.requests.length;
    const c = foundCredential('slack', rule, 'token', token);
    const i = await slack.inspect!(c, doubleContext(slack, 'http://127.0.0.1:9/api'));
    expect(i.verification).toBe('unverified');
    expect(i.reason).toContain(why);
    expect(sd.requests.length).toBe(before);
  });
});
