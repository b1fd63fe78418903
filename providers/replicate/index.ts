import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Replicate: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const replicate: Provider = {
  id: 'replicate',
  name: 'Replicate',
  docsUrl: 'https://replicate.com/docs/topics/security/api-tokens',
  rules: [
    {
      // Format: https://replicate.com/docs/reference/http#authentication (REPLICATE_API_TOKEN, tokens begin r8_)
      id: 'replicate-api-token',
      provider: 'replicate',
      kind: 'API token',
      description: 'Replicate API token (r8_)',
      confidence: 'high',
      keywords: ['r8_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>r8_[A-Za-z0-9]{37})\\b',
      entropy: 4,
      examples: {
        truePositives: ['REPLICATE_API_TOKEN=r8_aeblueFsQ9DcGr4E9CdWNZJIcCY4XobRbzBvT'],
        falsePositives: ['REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'r8_short'],
      },
    },
  ],
  ...verifiedBy('Replicate', verify),
};
