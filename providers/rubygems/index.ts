import type { Provider } from '../../src/core/provider.js';

/** RubyGems: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const rubygems: Provider = {
  id: 'rubygems',
  name: 'RubyGems',
  docsUrl: 'https://guides.rubygems.org/api-key-scopes/',
  rules: [
    {
      // Format: https://guides.rubygems.org/api-key-scopes/ and https://blog.rubygems.org/2021/10/11/api-key-prefix.html (rubygems_ followed by 48 hex characters)
      id: 'rubygems-api-key',
      provider: 'rubygems',
      kind: 'API key',
      description: 'RubyGems.org API key (rubygems_)',
      confidence: 'high',
      keywords: ['rubygems_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>rubygems_[0-9a-f]{48})\\b',
      entropy: 3.3,
      examples: {
        truePositives: [
          ':rubygems_api_key: rubygems_62acdab8803a33931f4de520e78851cc0c9ede3262f04741',
          'GEM_HOST_API_KEY=rubygems_399baf6b39a8576d662bda3faf754870f667f7923d6cc6af',
        ],
        falsePositives: [
          'GEM_HOST_API_KEY=rubygems_000000000000000000000000000000000000000000000000',
          'rubygems_api_key_path = "~/.gem/credentials"',
        ],
      },
    },
  ],
};
