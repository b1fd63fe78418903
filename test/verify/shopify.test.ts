import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { useDouble } from '../helpers/double-harness.js';
import { doubleContext, foundCredential } from '../helpers/found.js';
import { WhoamiDouble } from './double.js';
import { ROWS } from './table.js';
import { chars } from './tokens.js';

/** What Shopify adds to the shared whoami tests: an app's shared secret is found but never sent. */
const shopify = PROVIDERS.find((p) => p.id === 'shopify')!;

describe('verification of Shopify tokens by their access scopes', () => {
  const double = new WhoamiDouble(ROWS.find((r) => r.provider === 'shopify')!);
  useDouble(shopify, double, double.named);

  it('leaves a shared secret (shpss_) unverified with the reason, and sends it nowhere', async () => {
    const secret = `shpss_${chars('0123456789abcdef', 32)}`;
    const credential = foundCredential('shopify', 'shopify-token', 'access token or shared secret', secret, {
      source: 'tracked',
    });
    const before = double.requests.length;
    const i = await shopify.inspect!(credential, doubleContext(shopify, 'http://127.0.0.1:9', DEFAULT_POLICY));
    expect(i).toEqual({
      verification: 'unverified',
      reason:
        "an app's shared secret (shpss_) signs OAuth requests and webhooks; no API takes it, so there is nothing harmless to ask",
      scope: null,
    });
    expect(double.requests.length).toBe(before);
  });
});
