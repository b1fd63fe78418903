import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Clojars: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const clojars: Provider = {
  id: 'clojars',
  name: 'Clojars',
  // A deploy token can be limited to one group or one artifact, and given an expiry.
  docsUrl: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
  rules: [
    prefixedToken({
      // Format: https://github.com/clojars/clojars-web/wiki/Deploy-Tokens (tokens CLOJARS_ then 60
      // hexadecimal characters)
      id: 'clojars-deploy-token',
      provider: 'clojars',
      kind: 'deploy token',
      description: 'Clojars deploy token (CLOJARS_)',
      prefix: 'CLOJARS_',
      body: '[0-9a-f]{60}',
      entropy: 3.3,
      examples: {
        truePositives: ['CLOJARS_PASSWORD=CLOJARS_8ebe43237a12eeffada40e4ebabf7730db43eff2ec233a9569211d81d1b5'],
        falsePositives: ['CLOJARS_PASSWORD=CLOJARS_TOKEN', 'CLOJARS_USERNAME=jdoe'],
      },
    }),
  ],
};
