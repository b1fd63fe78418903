import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Stytch: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const stytch: Provider = {
  id: 'stytch',
  name: 'Stytch',
  // Test secrets (secret-test-) reach only the test environment.
  docsUrl: 'https://stytch.com/docs/workspace-management/api-keys',
  rules: [
    prefixedToken({
      // Format: https://stytch.com/docs/workspace-management/api-keys (project secrets secret-live- and
      // secret-test-)
      id: 'stytch-live-secret',
      provider: 'stytch',
      kind: 'live project secret',
      description: 'Stytch live project secret (secret-live-)',
      prefix: 'secret-live-',
      body: '[A-Za-z0-9_-]{30,50}={0,2}',
      entropy: 4,
      examples: {
        truePositives: ['STYTCH_SECRET=secret-live-x2XF2f0_PyDX5UZOo5fxLMg-PlwlqFHUROGl='],
        falsePositives: [
          'STYTCH_SECRET=secret-test-x2XF2f0_PyDX5UZOo5fxLMg-PlwlqFHUROGl=',
          'STYTCH_SECRET=secret-live-<secret>',
        ],
      },
    }),
  ],
};
