import { afterAll, describe, expect, it } from '@jest/globals';
import { sendgrid } from '../../providers/sendgrid/index.js';
import { useDouble } from '../helpers/double-harness.js';
import { SendgridDouble } from './double.js';
import { testKeys } from './world.js';

describe('SendGrid inspection against the double', () => {
  const { plans, tokens } = testKeys();
  const sd = new SendgridDouble(plans);
  const { inspect, finding, requestsOf } = useDouble(sendgrid, sd, tokens);
  afterAll(() => {
    // Every success answer the double served matched SendGrid's published descriptions.
    expect(sd.problems).toEqual([]);
  });

  it('a Full Access key: verified, its scopes, account and type, capabilities by family', async () => {
    const i = await inspect('fullAccess');
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe('SendGrid accepts it as an API key with 18 scope(s) of account "acme-mail"');
    expect(i.scope?.identity).toBe('account acme-mail');
    expect(i.scope?.permissions).toContain('account type: paid');
    expect(i.scope?.capabilities.slice(0, 3).map((c) => `${c.action} ${c.resource}`)).toEqual([
      'admin api_keys',
      'admin subusers',
      'admin teammates',
    ]);
    expect(i.scope?.capabilities).toContainEqual({
      action: 'write',
      resource: "mail: send as the account's verified senders and domains",
    });
    expect(requestsOf('fullAccess').map((r) => r.path)).toEqual([
      '/v3/scopes',
      '/v3/user/username',
      '/v3/user/account',
    ]);
  });

  it('a Full Access key: privilege-escalation, admin and can-send-mail; remediation names a Restricted Access key', async () => {
    const f = await finding('fullAccess', { path: '.env', name: 'SENDGRID_API_KEY' });
    expect(f.risks.map((r) => r.id)).toEqual(
      expect.arrayContaining(['privilege-escalation', 'admin', 'can-send-mail']),
    );
    expect(f.risks.find((r) => r.id === 'privilege-escalation')?.message).toContain('api_keys.create');
    expect(f.remediation).toContain(
      'Restricted Access key with only the scopes it uses (Mail Send alone, if it only sends)',
    );
    expect(f.remediation).toContain('never needs API key, teammate or subuser management');
  });

  it('a Mail Send key: can-send-mail only, and the reads it may not make are said, not guessed', async () => {
    const f = await finding('mailOnly', { path: '.env', name: 'SENDGRID_API_KEY' });
    expect(f.risks.map((r) => r.id).filter((id) => id !== 'committed-live-credential')).toEqual(['can-send-mail']);
    expect(f.inspection.scope?.identity).toBeNull();
    expect(f.inspection.scope?.unknowns.map((u) => u.what)).toEqual(['identity', 'account type', 'expiry']);
    expect(f.inspection.scope?.unknowns[0]?.reason).toBe(
      'SendGrid refused GET /v3/user/username (HTTP 403: access forbidden)',
    );
  });

  it('a read-only stats key raises nothing of its own', async () => {
    const f = await finding('statsOnly', { path: '.env', name: 'SENDGRID_STATS_KEY' });
    expect(f.risks.map((r) => r.id).filter((id) => id !== 'committed-live-credential')).toEqual([]);
    expect(f.inspection.scope?.capabilities).toEqual([
      { action: 'read', resource: 'stats' },
      { action: 'read', resource: 'user' },
    ]);
  });
});
