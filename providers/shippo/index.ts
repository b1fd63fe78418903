import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Shippo: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const shippo: Provider = {
  id: 'shippo',
  name: 'Shippo',
  // Test tokens (shippo_test_) buy no labels: use them wherever live ones are not needed.
  docsUrl: 'https://docs.goshippo.com/docs/guides_general/authentication/',
  rules: [
    prefixedToken({
      // Format: https://docs.goshippo.com/docs/guides_general/authentication/ (live API tokens
      // shippo_live_ then 40 hexadecimal characters; test tokens shippo_test_)
      id: 'shippo-live-token',
      provider: 'shippo',
      kind: 'live API token',
      description: 'Shippo live API token (shippo_live_)',
      prefix: 'shippo_live_',
      body: '[0-9a-f]{40}',
      entropy: 3.2,
      examples: {
        truePositives: ['Authorization: ShippoToken shippo_live_9dfdc82586e392cb5af2fd9323d6d8034ef6d8fd'],
        falsePositives: [
          'SHIPPO_TOKEN=shippo_test_9dfdc82586e392cb5af2fd9323d6d8034ef6d8fd',
          'SHIPPO_TOKEN=shippo_live_<token>',
        ],
      },
    }),
  ],
};
