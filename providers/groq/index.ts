import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Groq: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const groq: Provider = {
  id: 'groq',
  name: 'Groq',
  docsUrl: 'https://console.groq.com/docs/quickstart',
  rules: [
    {
      // Format: https://console.groq.com/docs/quickstart (GROQ_API_KEY, keys begin gsk_)
      id: 'groq-api-key',
      provider: 'groq',
      kind: 'API key',
      description: 'Groq API key (gsk_)',
      confidence: 'high',
      keywords: ['gsk_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>gsk_[A-Za-z0-9]{52})\\b',
      entropy: 4,
      examples: {
        truePositives: ['GROQ_API_KEY=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'],
        falsePositives: ['GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'gsk_short'],
      },
    },
  ],
  ...verifiedBy('Groq', verify),
};
