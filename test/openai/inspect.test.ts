import { describe, expect, it } from '@jest/globals';
import { openai } from '../../providers/openai/index.js';
import { useDouble } from '../helpers/double-harness.js';
import { MEMBER_EMAIL } from './double.js';
import { openaiDouble, testTokens } from './world.js';

const tokens = testTokens();
const { inspect, finding, requestsOf } = useDouble(openai, openaiDouble(tokens), tokens);
const ids = (f: { risks: { id: string }[] }) => f.risks.map((r) => r.id);

describe('an OpenAI admin key', () => {
  it('proves itself on the admin listings, never on /v1/models; keeps project names, no member', async () => {
    const i = await inspect('admin');
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe('OpenAI accepts it as an admin key of the organization "org-AcmeResearch01" (3 project(s))');
    expect(i.scope?.reach).toEqual({
      organizations: ['org-AcmeResearch01'],
      projects: ['Default project', 'chatbot-prod', 'eval-sandbox'],
    });
    expect(i.scope?.permissions).toEqual(['organization admin', 'members: read']);
    expect(requestsOf('admin').map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
      'GET /v1/organization/projects?limit=100',
      'GET /v1/organization/users?limit=1',
    ]);
    expect(JSON.stringify(i)).not.toContain(MEMBER_EMAIL);
  });

  it('is org-admin, critical; the remediation is a restricted project key', async () => {
    const f = await finding('admin', { path: '.env', name: 'OPENAI_ADMIN_KEY', source: 'untracked' });
    expect(ids(f)).toEqual(['org-admin']);
    expect(f.severity).toBe('critical');
    expect(f.remediation).toContain('https://help.openai.com/en/articles/8867743-assign-api-key-permissions');
  });
});

describe('an OpenAI project or user key', () => {
  it('is verified by the model list, its organization and (unconfirmed) project named by headers', async () => {
    const i = await inspect('project');
    expect(i.reason).toBe('OpenAI accepts it as a project key of the project proj_chatbot01');
    expect(i.scope?.identity).toBe('organization org-AcmeResearch01');
    expect(i.scope?.reach).toEqual({
      organizations: ['org-AcmeResearch01'],
      projects: ['proj_chatbot01 (unconfirmed)'],
    });
    expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['permissions', 'expiry', 'the project']);
    expect(requestsOf('project').map((r) => r.path)).toEqual(['/v1/models']);
    const f = await finding('project', {
      path: 'deploy/staging/.env',
      name: 'OPENAI_READONLY_KEY',
      source: 'untracked',
    });
    expect(ids(f)).toEqual([]);
  });

  it('a restricted key without the models scope is still verified: OpenAI named the scope it lacks', async () => {
    const i = await inspect('restricted');
    expect(i.verification).toBe('verified');
    expect(i.scope?.permissions).toEqual(['models: none (lacks api.model.read)']);
    expect(JSON.stringify(i)).not.toContain('insufficient');
  });

  it('a legacy user key is named as such', async () => {
    expect((await inspect('legacy')).reason).toBe(
      'OpenAI accepts it as a user key of the organization "org-AcmeResearch01"',
    );
  });
});
