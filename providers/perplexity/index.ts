import type { Provider } from '../../src/core/provider.js';

/** Perplexity: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const perplexity: Provider = {
  id: 'perplexity',
  name: 'Perplexity',
  docsUrl: 'https://docs.perplexity.ai/guides/getting-started',
  rules: [
    {
      // Format: https://docs.perplexity.ai/guides/getting-started (PERPLEXITY_API_KEY, keys begin pplx-)
      id: 'perplexity-api-key',
      provider: 'perplexity',
      kind: 'API key',
      description: 'Perplexity API key (pplx-)',
      confidence: 'high',
      keywords: ['pplx-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>pplx-[A-Za-z0-9]{48})\\b',
      entropy: 4,
      examples: {
        truePositives: ['PERPLEXITY_API_KEY=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'],
        falsePositives: ['PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pplx-short'],
      },
    },
  ],
};
