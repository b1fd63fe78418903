import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Sourcegraph: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const sourcegraph: Provider = {
  id: 'sourcegraph',
  name: 'Sourcegraph',
  // The user:all scope is enough for src; never site-admin:sudo unless impersonation is the point.
  docsUrl: 'https://sourcegraph.com/docs/cli/how-tos/creating-an-access-token',
  rules: [
    prefixedToken({
      // Format: https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token (access tokens
      // start with sgp_; 40 hexadecimal characters, newer ones after an instance identifier and _)
      id: 'sourcegraph-access-token',
      provider: 'sourcegraph',
      kind: 'access token',
      description: 'Sourcegraph access token (sgp_)',
      prefix: 'sgp_',
      body: '(?:(?:[0-9a-f]{16}|local)_)?[0-9a-f]{40}',
      entropy: 3.2,
      examples: {
        truePositives: [
          'SRC_ACCESS_TOKEN=sgp_9718d5cf4e8f82f3f7dd8dd68f6215c93d2a7e42',
          'SRC_ACCESS_TOKEN=sgp_1735423e0616855b_26c5cbf30907120e7d3ea229d361b2231ff5fc03',
        ],
        falsePositives: ['SRC_ACCESS_TOKEN=sgp_<token>', 'sgp_0000000000000000000000000000000000000000'],
      },
    }),
  ],
};
