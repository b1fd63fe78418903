import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Asana: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const asana: Provider = {
  id: 'asana',
  name: 'Asana',
  docsUrl: 'https://developers.asana.com/docs/personal-access-token',
  rules: [
    {
      // Format: https://developers.asana.com/docs/personal-access-token
      id: 'asana-pat',
      provider: 'asana',
      kind: 'personal access token',
      description: 'Asana personal access token (1/ or 2/, ids, :, 32 hex) near the word Asana',
      confidence: 'context',
      keywords: ['asana'],
      keywordScope: 'fragment',
      regex: '(?<![A-Za-z0-9/])(?<secret>[12]/[0-9]{10,19}(?:/[0-9]{10,19})?:[0-9a-f]{32})\\b',
      entropy: 3,
      context: { pattern: 'asana', withinLines: 1 },
      examples: {
        truePositives: [
          'ASANA_TOKEN=2/6080198748599888/9778088943669946:5924e5ac1fd4628f8d1b4c813c97e6b4',
          'ASANA_PAT=1/8280839459104853:1a109096ca9c1f2a5ad7425f6e16b4cf',
        ],
        falsePositives: [
          'TOKEN=2/9472055950778964/4823044147221625:c164a9f54a953c1172e70ce62f38d5b8',
          'ASANA_TOKEN=1/2913182975515919:00000000000000000000000000000000',
        ],
      },
    },
  ],
  ...verifiedBy('Asana', verify),
};
