import { describe, expect, it } from '@jest/globals';
import { slack } from '../../providers/slack/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://slack.com/api');
const allowed = (method: string, path: string) =>
  refusal(slack.operations!, ENDPOINT, method, new URL(`/api${path}`, ENDPOINT), undefined) === undefined;

// Slack methods act whatever the verb: refresh, rotation, revocation and uninstall revoke tokens;
// the others write, delete or reveal. Each is refused as a GET and as a POST.
const FORBIDDEN = [
  '/oauth.v2.access',
  '/oauth.v2.exchange',
  '/oauth.access',
  '/oauth.token',
  '/tooling.tokens.rotate',
  '/auth.revoke',
  '/apps.uninstall',
  '/apps.manifest.delete',
  '/chat.postMessage',
  '/chat.delete',
  '/conversations.history',
  '/conversations.archive',
  '/files.revokePublicURL',
  '/admin.users.remove',
  '/auth.test/../auth.revoke',
];

describe('Slack operations', () => {
  it('allow auth.test and users.info, with a query', () => {
    expect(allowed('GET', '/auth.test')).toBe(true);
    expect(allowed('GET', '/users.info?user=U04R7JQ3XOW')).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s, as GET and as POST', (path) => {
    expect(allowed('GET', path)).toBe(false);
    expect(allowed('POST', path)).toBe(false);
  });

  it('name each method exactly: nothing with a parameter segment', () => {
    expect(slack.operations!.every((op) => !op.path.includes('{'))).toBe(true);
  });

  it("every method listed exists in Slack's description", async () => {
    const { slackSpec } = await import('./spec.js');
    const paths = slackSpec().paths;
    for (const op of slack.operations!) expect(paths[op.path]?.get).toBeDefined();
  });

  it('the description check the double runs is not vacuous: it rejects an auth.test answer without team_id', async () => {
    const { slackProblems } = await import('./spec.js');
    expect(
      slackProblems('/auth.test', {
        ok: true,
        url: 'https://acme.slack.com/',
        team: 'Acme',
        user: 'ops',
        user_id: 'U04R7JQ3XOW',
      }),
    ).not.toEqual([]);
    expect(
      slackProblems('/auth.test', {
        ok: true,
        url: 'https://acme.slack.com/',
        team: 'Acme',
        user: 'ops',
        team_id: 'T04R7JQ3XAB',
        user_id: 'U04R7JQ3XOW',
        surprise: 1,
      }),
    ).not.toEqual([]);
  });
});
