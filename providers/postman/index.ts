import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Postman: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const postman: Provider = {
  id: 'postman',
  name: 'Postman',
  docsUrl: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
  rules: [
    {
      // Format: https://learning.postman.com/docs/developer/postman-api/authentication/ (keys begin PMAK-)
      id: 'postman-api-key',
      provider: 'postman',
      kind: 'API key',
      description: 'Postman API key (PMAK-)',
      confidence: 'high',
      keywords: ['PMAK-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>PMAK-[0-9a-f]{24}-[0-9a-f]{34})\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['POSTMAN_API_KEY=PMAK-85960689d1fa8efc6d88c7c1-19fd68df3b2d95836ba1fef8236e88a8c2'],
        falsePositives: [
          'POSTMAN_API_KEY=PMAK-000000000000000000000000-0000000000000000000000000000000000',
          'PMAK-xxxx',
        ],
      },
    },
  ],
  ...verifiedBy('Postman', verify),
};
