import type { Provider } from '../../src/core/provider.js';

export const npm: Provider = {
  id: 'npm',
  name: 'npm',
  docsUrl: 'https://docs.npmjs.com/about-access-tokens',
  rules: [
    {
      id: 'npm-token',
      provider: 'npm',
      kind: 'access token',
      description: 'npm access token (npm_); can publish packages',
      confidence: 'high',
      keywords: ['npm_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>npm_[0-9A-Za-z]{36})\\b',
      entropy: 4,
      examples: {
        truePositives: ['//registry.npmjs.org/:_authToken=npm_G7kHxabIpudDSYaclXCMy2T5FVTNLL5tF4JT'],
        falsePositives: ['_authToken=npm_000000000000000000000000000000000000', 'run npm_config_cache'],
      },
    },
  ],
};
