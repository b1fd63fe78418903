import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { signAssertion } from '../../providers/google/jwt.js';
import { SELF_TEST_HEADER } from '../helpers/provider-log.js';
import type { TestKey } from './tokens.js';
import { useGoogleDouble } from './world.js';

/** The double checks assertions as Google does: a test that passes against it means something. */
describe('the Google double', () => {
  const g = useGoogleDouble();

  const privateOf = (k: TestKey) => createPrivateKey((JSON.parse(k.json) as { private_key: string }).private_key);
  const exchange = async (assertion: string) => {
    const res = await fetch(`${g.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [SELF_TEST_HEADER]: '1' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const claims = (k: TestKey, tokenUrl = `${g.url}/token`) => ({
    clientEmail: k.clientEmail,
    keyId: k.keyId,
    tokenUrl,
  });

  it('issues a token for an assertion signed with the key, for its own token URL', async () => {
    const k = g.keys.viewer!;
    const r = await exchange(signAssertion(privateOf(k), claims(k)));
    expect(r).toEqual({
      status: 200,
      body: { access_token: expect.stringMatching(/^ya29\./), expires_in: 3599, token_type: 'Bearer' },
    });
  });

  it('refuses an assertion signed with another key, the wrong audience, or an hour-old one', async () => {
    const k = g.keys.viewer!;
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await exchange(signAssertion(forger, claims(k)))).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    });
    const wrongAud = await exchange(signAssertion(privateOf(k), claims(k, 'https://oauth2.googleapis.com/token')));
    expect(wrongAud.body.error).toBe('invalid_grant');
    const old = await exchange(signAssertion(privateOf(k), claims(k), Date.now() - 3_600_000));
    expect(old.body.error).toBe('invalid_grant');
  });

  it('answers the listing and testIamPermissions in v1 shapes, {} when nothing is held', async () => {
    const k = g.keys.viewer!;
    const { body } = await exchange(signAssertion(privateOf(k), claims(k)));
    const headers = { authorization: `Bearer ${body.access_token}`, [SELF_TEST_HEADER]: '1' };
    const list = await (await fetch(`${g.url}/v1/projects`, { headers })).json();
    expect(list).toEqual({
      projects: [
        expect.objectContaining({
          projectId: 'acme-staging',
          lifecycleState: 'ACTIVE',
          projectNumber: expect.any(String),
        }),
      ],
    });
    const test = (project: string) =>
      fetch(`${g.url}/v1/projects/${project}:testIamPermissions`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ permissions: ['resourcemanager.projects.get', 'resourcemanager.projects.delete'] }),
      }).then((r) => r.json());
    expect(await test('acme-staging')).toEqual({ permissions: ['resourcemanager.projects.get'] });
    expect(await test('acme-prod')).toEqual({});
    const denied = await fetch(`${g.url}/v1/projects`, {
      headers: { authorization: 'Bearer ya29.nope', [SELF_TEST_HEADER]: '1' },
    });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({
      error: { code: 401, message: expect.any(String), status: 'UNAUTHENTICATED' },
    });
  });
});
