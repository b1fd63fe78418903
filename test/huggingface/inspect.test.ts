import { beforeAll, describe, expect, it } from '@jest/globals';
import { huggingface } from '../../providers/huggingface/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { HuggingFaceDouble } from './double.js';
import { EXPIRES_AT, testWorld } from './world.js';

describe('Hugging Face inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { inspect, finding, requestsOf } = useDouble(huggingface, new HuggingFaceDouble(world), tokens);

  describe('a write token', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('write');
    });

    it('is verified as its user, with each organization and the role in it', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe(
        'Hugging Face accepts it as a write token of user "mlops", writing to 3 namespace(s) or repo(s)',
      );
      expect(i.scope?.identity).toBe('user mlops');
      expect(i.scope?.tokenType).toBe('write access token');
      expect(i.scope?.permissions).toEqual([
        'role: write',
        'org acme-ai: admin',
        'org research-lab: write',
        'org community: read',
        'org old-team: role not stated',
      ]);
      expect(i.scope?.reach).toEqual({
        organizations: ['acme-ai', 'research-lab', 'community', 'old-team'],
        'writable namespaces': ['mlops', 'acme-ai', 'research-lab'],
      });
      expect(i.scope?.expiresAt).toBeNull();
    });

    it('administers the organization where the user is admin, writes where write, reads elsewhere', () => {
      const caps = i.scope!.capabilities;
      expect(caps[0]).toEqual({ action: 'admin', resource: 'organization "acme-ai" (members, settings, tokens)' });
      expect(caps).toContainEqual({
        action: 'write',
        resource: 'models, datasets and Spaces of organization "research-lab"',
      });
      expect(caps).toContainEqual({ action: 'read', resource: 'repos of organization "community"' });
      expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['organization roles']);
    });

    it('sent one request: GET /api/whoami-v2 with the token as a bearer token', () => {
      expect(requestsOf('write').map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/whoami-v2']);
    });
  });

  it('a read token writes nowhere and raises nothing of its own', async () => {
    const i = await inspect('read');
    expect(i.scope?.tokenType).toBe('read access token');
    expect(i.scope?.reach['writable namespaces']).toBeUndefined();
    const f = await finding('read', { path: 'ci/.env', name: 'HF_READ_TOKEN' });
    expect(f.risks.map((r) => r.id)).toEqual(['committed-live-credential']);
  });

  it('a fine-grained token writes only the repo its grant names', async () => {
    const i = await inspect('fineGrained');
    expect(i.scope?.tokenType).toBe('fineGrained access token');
    expect(i.scope?.reach['writable repos']).toEqual(['model:acme-ai/llm-7b']);
    expect(i.scope?.reach['writable namespaces']).toBeUndefined();
    expect(i.scope?.permissions).toContain('global: inference.serverless.write');
    const f = await finding('fineGrained', { path: 'ci/.env', name: 'HF_TOKEN' });
    expect(f.risks.map((r) => r.id)).not.toContain('broad-repo-write');
    expect(f.risks.map((r) => r.id)).toContain('no-expiry');
  });

  it('reads the expiry', async () => {
    const i = await inspect('expiring');
    expect(i.scope?.expiresAt).toBe(EXPIRES_AT);
    const f = await finding('expiring', { path: '.env', name: 'HF_TOKEN' });
    expect(f.risks.map((r) => r.id)).not.toContain('no-expiry');
  });

  it('a deprecated organization token writes to its organization', async () => {
    const i = await inspect('org');
    expect(i.scope?.tokenType).toBe('organization API token (deprecated)');
    expect(i.scope?.identity).toBe('org acme-ai');
    const f = await finding('org', { path: '.env', name: 'HF_ORG_TOKEN' });
    expect(f.remediation).toContain('organization API tokens are deprecated');
  });

  describe('risks and remediation', () => {
    it('a write token: admin and broad-repo-write name the organizations', async () => {
      const f = await finding('write', { path: 'train/.env', name: 'HF_TOKEN' });
      expect(f.risks.find((r) => r.id === 'admin')?.message).toBe(
        'acts as an admin of organization(s) "acme-ai": members, settings and every repo, which it can delete',
      );
      expect(f.risks.find((r) => r.id === 'broad-repo-write')?.message).toBe(
        'can push to every model, dataset and Space of organization(s) "acme-ai"; "research-lab": it can replace model weights and code that everyone who loads them runs',
      );
      expect(f.risks.map((r) => r.id)).toContain('no-expiry');
      expect(f.remediation).toContain('create a fine-grained token with read access to only the repos it needs');
      expect(f.remediation).toContain('https://huggingface.co/docs/hub/security-tokens');
    });
  });
});
