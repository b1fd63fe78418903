import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { npm } from '../../providers/npm/index.js';
import type { Inspection } from '../../src/core/types.js';
import { useDouble } from '../helpers/double-harness.js';
import { doubleContext, foundCredential } from '../helpers/found.js';
import { NpmDouble } from './double.js';
import { classicNpmToken } from './tokens.js';
import { testWorld } from './world.js';

describe('npm inspection against the double', () => {
  const { world, tokens } = testWorld();
  const { double, inspect, finding, requestsOf } = useDouble(npm, new NpmDouble(world), tokens);

  describe('a publish token', () => {
    let i: Inspection;
    beforeAll(async () => {
      i = await inspect('publish');
    });

    it('is verified as its user, read and publish, from its own token list entry on a later page', () => {
      expect(i.verification).toBe('verified');
      expect(i.reason).toBe('npm accepts it as user "acme-release", able to publish 3 package(s)');
      expect(i.scope?.identity).toBe('npm user acme-release');
      expect(i.scope?.tokenType).toBe('publish token');
      expect(i.scope?.permissions).toEqual(['read and publish', 'account 2FA: auth-only']);
      // Four entries in pages of two: the second page asked on the configured registry, by query only.
      const lists = requestsOf('publish').filter((r) => r.path === '/-/npm/v1/tokens');
      expect(lists).toHaveLength(2);
      expect(lists[1]!.query.get('page')).toBe('1');
    });

    it('names the packages it can publish, most-downloaded first, and the one it can only read', () => {
      expect(i.scope?.reach).toEqual({
        'publishable packages': ['@acme/widgets', 'acme-cli', 'left-padder'],
        'readable packages': ['@partner/sdk'],
      });
      expect(i.scope?.capabilities[0]).toEqual({
        action: 'write',
        resource: 'publish new versions of package "@acme/widgets"',
      });
    });

    it('says the 2FA bypass cannot be read', () => {
      expect(i.scope?.unknowns.map((u) => u.what)).toEqual(['two-factor bypass']);
    });

    it('asked only the listed reads, with the token as a bearer token', () => {
      const paths = new Set(requestsOf('publish').map((r) => `${r.method} ${r.path}`));
      expect([...paths].sort()).toEqual([
        'GET /-/npm/v1/tokens',
        'GET /-/npm/v1/user',
        'GET /-/user/acme-release/package',
        'GET /-/v1/search',
        'GET /-/whoami',
      ]);
      const search = requestsOf('publish').find((r) => r.path === '/-/v1/search');
      expect(search?.query.get('text')).toBe('maintainer:acme-release');
    });

    it('keeps no other token from the list, not even their keys', () => {
      const others = [0, 1, 2].map((n) => createHash('sha512').update(`other-${n}`).digest('hex'));
      const text = JSON.stringify(i);
      for (const key of others) expect(text).not.toContain(key);
      expect(text).not.toContain(createHash('sha512').update(tokens.publish).digest('hex'));
    });
  });

  it('a read-only token can publish nothing, and keeps its allowed IP ranges', async () => {
    const i = await inspect('readonly');
    expect(i.scope?.tokenType).toBe('read-only token');
    expect(i.scope?.reach['publishable packages']).toBeUndefined();
    expect(i.scope?.permissions).toContain('allowed IP ranges: 192.0.2.0/24');
    const f = await finding('readonly', { path: 'ci/.npmrc', name: 'NPM_READ_TOKEN' });
    // Only tokenscope's own place risk: nothing to publish, so no mismatch with "READ".
    expect(f.risks.map((r) => r.id)).toEqual(['committed-live-credential']);
  });

  it('a granular token publishes only the packages its entry names', async () => {
    const i = await inspect('granular');
    expect(i.scope?.reach['publishable packages']).toEqual(['@acme/widgets']);
    expect(i.scope?.reach['readable packages']).toEqual(['acme-cli', '@partner/sdk', 'left-padder']);
  });

  it('a token missing from the list: publish is an upper bound, said in unknowns', async () => {
    const i = await inspect('unlisted');
    expect(i.scope?.tokenType).toBe('access token');
    expect(i.scope?.reach['publishable packages']).toHaveLength(3);
    expect(i.scope?.unknowns.map((u) => u.what)).toContain('read-only or publish');
  });

  it('a token the list refuses is still verified, with the refusal in unknowns', async () => {
    const i = await inspect('listRefused');
    expect(i.verification).toBe('verified');
    expect(i.scope?.unknowns[0]).toEqual({
      what: 'token flags',
      reason: 'npm refused GET /-/npm/v1/tokens (HTTP 403: Forbidden: this token cannot list tokens)',
    });
  });

  it('a classic-format token is sent to a private registry', async () => {
    const i = await inspect('classic');
    expect(i.verification).toBe('verified');
    expect(requestsOf('classic').length).toBeGreaterThan(0);
  });

  it('a classic-format token for registry.npmjs.org is dead, and never sent', async () => {
    const rule = npm.rules.find((r) => r.id === 'npm-authtoken')!;
    const c = foundCredential('npm', rule.id, rule.kind, classicNpmToken());
    // The context's door points at the public registry, which this sandbox cannot reach: any
    // request would end in an error, not this verdict.
    const i = await npm.inspect!(c, doubleContext(npm, 'https://registry.npmjs.org'));
    expect(i).toEqual({
      verification: 'invalid',
      reason:
        'a classic-format token: registry.npmjs.org revoked every classic token on 2025-12-09 (not sent; set --npm-registry-url if it belongs to a private registry)',
      scope: null,
    });
    expect(double.requests.some((r) => r.token === c.secret.reveal())).toBe(false);
  });

  describe('risks and remediation', () => {
    it('a publish token: can-publish-packages names the packages by downloads, and the missing OTP', async () => {
      const f = await finding('publish', { path: '.npmrc', name: 'NPM_TOKEN' });
      expect(f.risks.find((r) => r.id === 'can-publish-packages')?.message).toBe(
        'can publish new versions of 3 packages, most-downloaded first: "@acme/widgets" (1,250,000 weekly downloads); "acme-cli" (48,210 weekly downloads); "left-padder": everyone who installs them runs what it publishes; the account\'s 2FA does not cover publishing, so no one-time password stands in the way',
      );
      expect(f.risks.map((r) => r.id)).not.toContain('intent-mismatch');
      expect(f.remediation).toContain('a granular access token limited to the one package it releases');
      expect(f.remediation).toContain('https://docs.npmjs.com/trusted-publishers');
    });

    it('a granular token for one package: the remedy names it', async () => {
      const f = await finding('granular', { path: '.npmrc', name: 'NPM_TOKEN' });
      expect(f.remediation).toContain('limited to the one package it releases ("@acme/widgets")');
    });
  });
});
