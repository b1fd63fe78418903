import type { Provider } from '../../src/core/provider.js';

/** JFrog Artifactory: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const jfrog: Provider = {
  id: 'jfrog',
  name: 'JFrog Artifactory',
  docsUrl: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
  rules: [
    {
      // Format: https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens (reference tokens: a short form of an access token, base64 of reftkn:01:...)
      id: 'jfrog-reference-token',
      provider: 'jfrog',
      kind: 'reference token',
      description: 'JFrog Platform reference token (base64 of "reftkn:01:")',
      confidence: 'high',
      keywords: ['cmVmdGtu'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>cmVmdGtuOjAxOj[A-Za-z0-9+/]{50})(?![A-Za-z0-9+/=])',
      entropy: 4,
      examples: {
        truePositives: ['ARTIFACTORY_ACCESS_TOKEN=cmVmdGtuOjAxOjIwMjU5MDU4NTQ6YVhYcU1TdlQxQzB4WEdpenJkZ2E0Y3d6Q29E'],
        falsePositives: ['ARTIFACTORY_ACCESS_TOKEN=cmVmdGtuOjAxOj...', 'cmVmdGtuOjAxOjshort'],
      },
    },
    {
      // Format: https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key (API keys begin AKCp)
      id: 'jfrog-api-key',
      provider: 'jfrog',
      kind: 'API key',
      description: 'JFrog Artifactory API key (AKCp), deprecated but still accepted on older instances',
      confidence: 'high',
      keywords: ['AKCp'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>AKCp[A-Za-z0-9]{69})\\b',
      entropy: 4,
      examples: {
        truePositives: [
          'ARTIFACTORY_API_KEY=AKCpSOWBoib0dJheIdvp66m1MxeuNgSc7BKnrMxG4nHAFwyvMHFJ4COEkT9hfkfDn3rQzcepz',
        ],
        falsePositives: [
          'ARTIFACTORY_API_KEY=AKCpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'AKCpShort',
        ],
      },
    },
  ],
};
