import { describe, expect, it } from '@jest/globals';
import { anthropic } from '../../providers/anthropic/index.js';
import { useDouble } from '../helpers/double-harness.js';
import { KEY_HINT, MEMBER_EMAIL } from './double.js';
import { anthropicDouble, testTokens } from './world.js';

const tokens = testTokens();
const { inspect, finding, requestsOf } = useDouble(anthropic, anthropicDouble(tokens), tokens);
const ids = (f: { risks: { id: string }[] }) => f.risks.map((r) => r.id);

describe('an Anthropic admin key', () => {
  it('proves itself on the Admin API reads, with the version header; keeps workspace names only', async () => {
    const i = await inspect('admin');
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe(
      'Anthropic accepts it as an admin key of the organization "Acme Labs" (12345678-1234-5678-1234-567812345678) (3 workspace(s))',
    );
    expect(i.scope?.permissions).toEqual(['organization admin', 'members: read', 'API keys: read']);
    expect(i.scope?.reach).toEqual({
      organizations: ['Acme Labs'],
      workspaces: ['Default', 'production-agents', 'research'],
    });
    const sent = requestsOf('admin');
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/organizations/me',
      'GET /v1/organizations/workspaces',
      'GET /v1/organizations/users',
      'GET /v1/organizations/api_keys',
    ]);
    expect(sent.every((r) => r.headers['anthropic-version'] === '2023-06-01')).toBe(true);
    const text = JSON.stringify(i);
    expect(text).not.toContain(MEMBER_EMAIL);
    expect(text).not.toContain(KEY_HINT);
  });

  it('is org-admin, critical; the remediation is a workspace API key', async () => {
    const f = await finding('admin', { path: '.env', name: 'ANTHROPIC_ADMIN_KEY', source: 'untracked' });
    expect(ids(f)).toEqual(['org-admin']);
    expect(f.severity).toBe('critical');
    expect(f.remediation).toContain('an API key of a workspace made for this work alone');
  });
});

describe('an Anthropic API key', () => {
  it('is verified by the model list (never a message), its organization from the header', async () => {
    const i = await inspect('api');
    expect(i.reason).toBe(
      'Anthropic accepts it as an API key of the organization 12345678-1234-5678-1234-567812345678',
    );
    expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['the workspace, name and expiry', 'permissions']);
    expect(requestsOf('api').map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
    const f = await finding('api', { path: 'deploy/staging/.env', name: 'ANTHROPIC_TEST_KEY', source: 'untracked' });
    expect(ids(f)).toEqual([]);
  });

  it('a subscription OAuth token is never sent: unverified, with why', async () => {
    expect(await inspect('oauth')).toMatchObject({ verification: 'unverified', scope: null });
    expect(requestsOf('oauth')).toEqual([]);
  });
});
