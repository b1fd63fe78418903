import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Cerebras: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const cerebras: Provider = {
  id: 'cerebras',
  name: 'Cerebras',
  // A key per application, so that one leak is revoked alone.
  docsUrl: 'https://inference-docs.cerebras.ai/quickstart',
  rules: [
    prefixedToken({
      // Format: https://inference-docs.cerebras.ai/quickstart (CEREBRAS_API_KEY; keys begin csk-)
      id: 'cerebras-api-key',
      provider: 'cerebras',
      kind: 'API key',
      description: 'Cerebras inference API key (csk-)',
      prefix: 'csk-',
      body: '[a-z0-9]{40,56}',
      entropy: 4,
      examples: {
        truePositives: ['CEREBRAS_API_KEY=csk-iw35fbecohbre5c6teroq72vshfezgpt4qxqu4he9lfihvhh'],
        falsePositives: ['CEREBRAS_API_KEY=csk-...', 'csk-short'],
      },
    }),
  ],
};
