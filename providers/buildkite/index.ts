import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Buildkite: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const buildkite: Provider = {
  id: 'buildkite',
  name: 'Buildkite',
  docsUrl: 'https://buildkite.com/docs/apis/managing-api-tokens',
  rules: [
    {
      // Format: https://buildkite.com/docs/apis/managing-api-tokens (API access tokens begin bkua_)
      id: 'buildkite-api-token',
      provider: 'buildkite',
      kind: 'API access token',
      description: 'Buildkite user API access token (bkua_)',
      confidence: 'high',
      keywords: ['bkua_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>bkua_[0-9a-f]{40})\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['BUILDKITE_API_TOKEN=bkua_4d5a3b49ddc0ce9629bcfed08577b761320742cd'],
        falsePositives: ['BUILDKITE_API_TOKEN=bkua_0000000000000000000000000000000000000000', 'bkua_token_name'],
      },
    },
  ],
  ...verifiedBy('Buildkite', verify),
};
