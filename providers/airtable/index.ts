import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Airtable: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const airtable: Provider = {
  id: 'airtable',
  name: 'Airtable',
  docsUrl: 'https://airtable.com/developers/web/guides/personal-access-tokens',
  rules: [
    {
      // Format: https://airtable.com/developers/web/guides/personal-access-tokens (token id beginning pat, then . and the secret)
      id: 'airtable-pat',
      provider: 'airtable',
      kind: 'personal access token',
      description: 'Airtable personal access token (pat, a 14-character id, ., 64 hex)',
      confidence: 'high',
      keywords: ['pat'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>pat[A-Za-z0-9]{14}\\.[0-9a-f]{64})\\b',
      entropy: 3.8,
      examples: {
        truePositives: [
          'AIRTABLE_TOKEN=pat66P0CGqU0r571O.556e1006b083d60a1d14e4a9a368f0b306adf261d3e3b0c0e3d8eaf6dbea4b72',
        ],
        falsePositives: [
          'AIRTABLE_TOKEN=patxxxxxxxxxxxxxx.0000000000000000000000000000000000000000000000000000000000000000',
          'path.join(dir, pattern)',
        ],
      },
    },
  ],
  ...verifiedBy('Airtable', verify),
};
