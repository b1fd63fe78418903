import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** ReadMe: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const readme: Provider = {
  id: 'readme',
  name: 'ReadMe',
  // A project API key reaches one project: keep one per project and rotate it on leaks.
  docsUrl: 'https://docs.readme.com/main/reference/intro/authentication',
  rules: [
    prefixedToken({
      // Format: https://docs.readme.com/main/reference/intro/authentication (keys begin rdme_)
      id: 'readme-api-key',
      provider: 'readme',
      kind: 'API key',
      description: 'ReadMe API key (rdme_)',
      prefix: 'rdme_',
      body: '[a-z0-9]{60,80}',
      entropy: 4,
      examples: {
        truePositives: ['README_API_KEY=rdme_beir2pv2u5e44w6x81f0y79drftd9il3mgk6y752c55leiol2uzqk3yh8ic7pbgx9o82bp'],
        falsePositives: [
          'README_API_KEY=rdme_...',
          'rdme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    }),
  ],
};
