import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Together AI: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const together: Provider = {
  id: 'together',
  name: 'Together AI',
  docsUrl: 'https://docs.together.ai/docs/quickstart',
  rules: [
    {
      // Format: https://docs.together.ai/docs/quickstart (TOGETHER_API_KEY)
      id: 'together-api-key',
      provider: 'together',
      kind: 'API key',
      description: 'Together AI API key, by its variable name',
      confidence: 'context',
      keywords: ['together_api', 'togetherapi'],
      keywordScope: 'line',
      regex:
        'together_?api_?key["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>(?:tgp_v1_)?[A-Za-z0-9_-]{40,64})(?![A-Za-z0-9_-])',
      flags: 'i',
      entropy: 3.5,
      examples: {
        truePositives: [
          'TOGETHER_API_KEY=01eae1803146ad1e24b13910318232d9f5b8c0388bc347cc6260678435111d29',
          'TOGETHER_API_KEY=tgp_v1_5bbzH5qXpaNOXPPv0Rl4S53BuzLGE-th3xcFsYoCcvQ',
        ],
        falsePositives: [
          'TOGETHER_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'TOGETHER_API_KEY=your_together_api_key_here_please_change_me',
        ],
      },
    },
  ],
  ...verifiedBy('Together AI', verify),
};
