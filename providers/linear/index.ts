import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Linear: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const linear: Provider = {
  id: 'linear',
  name: 'Linear',
  docsUrl: 'https://linear.app/developers/graphql#personal-api-keys',
  rules: [
    {
      // Format: https://linear.app/developers/graphql#personal-api-keys (keys begin lin_api_)
      id: 'linear-api-key',
      provider: 'linear',
      kind: 'API key',
      description: 'Linear personal API key (lin_api_) or OAuth token (lin_oauth_)',
      confidence: 'high',
      keywords: ['lin_api', 'lin_oauth'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>lin_api_[A-Za-z0-9]{40}|lin_oauth_[0-9a-f]{64})\\b',
      entropy: 3.5,
      examples: {
        truePositives: ['LINEAR_API_KEY=lin_api_U1r9DexOTgWmDB94IdWpLk7VCLA9xyaKKFNqUbOb'],
        falsePositives: ['LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'lin_api_key'],
      },
    },
  ],
  ...verifiedBy('Linear', verify),
};
