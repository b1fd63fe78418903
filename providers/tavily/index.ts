import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Tavily: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const tavily: Provider = {
  id: 'tavily',
  name: 'Tavily',
  // A development key (tvly-dev-) has its own small quota.
  docsUrl: 'https://docs.tavily.com/documentation/api-credits',
  rules: [
    prefixedToken({
      // Format: https://docs.tavily.com/documentation/quickstart (TAVILY_API_KEY; keys begin tvly-)
      id: 'tavily-api-key',
      provider: 'tavily',
      kind: 'API key',
      description: 'Tavily API key (tvly-)',
      prefix: 'tvly-',
      body: '(?:dev-|prod-)?[A-Za-z0-9]{32}',
      entropy: 4,
      examples: {
        truePositives: [
          'TAVILY_API_KEY=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',
          'TAVILY_API_KEY=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',
        ],
        falsePositives: ['TAVILY_API_KEY=tvly-YOUR_API_KEY', 'tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      },
    }),
  ],
};
