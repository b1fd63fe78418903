import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** E2B: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const e2b: Provider = {
  id: 'e2b',
  name: 'E2B',
  // A key per team and use, so that one leak is revoked alone.
  docsUrl: 'https://e2b.dev/docs/api-key',
  rules: [
    prefixedToken({
      // Format: https://e2b.dev/docs/api-key (E2B_API_KEY; keys e2b_ then 40 hexadecimal characters)
      id: 'e2b-api-key',
      provider: 'e2b',
      kind: 'API key',
      description: 'E2B sandbox API key (e2b_)',
      prefix: 'e2b_',
      body: '[0-9a-f]{40}',
      entropy: 3.3,
      examples: {
        truePositives: ['E2B_API_KEY=e2b_1b31ae6989518e8f8780fd13e686fffc733613a6'],
        falsePositives: ['E2B_API_KEY=e2b_***', 'e2b_0000000000000000000000000000000000000000'],
      },
    }),
  ],
};
