import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { doubleContext, foundCredential } from '../helpers/found.js';
import { chars } from './tokens.js';

const HEX = '0123456789abcdef';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Token kinds of a verified provider that its whoami cannot settle are never sent (the endpoint
 * below answers nothing: a request would end in an error, not this answer); each finding says why.
 */
const UNSENT: [provider: string, rule: string, token: string, reason: RegExp][] = [
  ['vault', 'vault-token', `hvr.${chars(ALNUM, 92)}`, /^a recovery token \(hvr\.\) works only while Vault runs/],
  ['shopify', 'shopify-token', `shpss_${chars(HEX, 32)}`, /^an app's shared secret \(shpss_\) signs OAuth/],
  ['linear', 'linear-api-key', `lin_oauth_${chars(HEX, 64)}`, /^tokenscope verifies Linear personal API keys/],
  ['newrelic', 'newrelic-license-key', `${chars(HEX, 36)}NRAL`, /^a license or insert key only sends data/],
  [
    'circleci',
    'circleci-api-token',
    `CCIPRJ_${chars(BASE58, 22)}_${chars(HEX, 40)}`,
    /^a CircleCI project token acts on one project only/,
  ],
];

describe('token kinds a whoami cannot settle', () => {
  it.each(UNSENT)('%s: %s is left unverified, with the reason, and not sent', async (id, rule, token, reason) => {
    const provider = PROVIDERS.find((p) => p.id === id)!;
    const credential = foundCredential(id, rule, 'token', token, { source: 'tracked' });
    const ctx = doubleContext(provider, 'http://127.0.0.1:9', DEFAULT_POLICY);
    const i = await provider.inspect!(credential, ctx);
    expect(i).toEqual({ verification: 'unverified', reason: expect.stringMatching(reason), scope: null });
  });
});
