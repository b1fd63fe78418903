import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** OpenRouter: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const openrouter: Provider = {
  id: 'openrouter',
  name: 'OpenRouter',
  // A key can carry its own credit limit; provisioning keys only manage keys.
  docsUrl: 'https://openrouter.ai/docs/api-reference/authentication',
  rules: [
    prefixedToken({
      // Format: https://openrouter.ai/docs/api-reference/authentication (keys sk-or-v1- then 64 hexadecimal characters)
      id: 'openrouter-api-key',
      provider: 'openrouter',
      kind: 'API key',
      description: 'OpenRouter API key (sk-or-v1-)',
      prefix: 'sk-or-v1-',
      body: '[0-9a-f]{64}',
      entropy: 3.3,
      examples: {
        truePositives: ['OPENROUTER_API_KEY=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'],
        falsePositives: [
          'OPENROUTER_API_KEY=sk-or-v1-...',
          'sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000',
        ],
      },
    }),
  ],
};
