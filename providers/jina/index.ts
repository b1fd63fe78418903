import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Jina AI: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const jina: Provider = {
  id: 'jina',
  name: 'Jina AI',
  // A key per application, so that one leak is revoked alone.
  docsUrl: 'https://jina.ai/api-dashboard/',
  rules: [
    prefixedToken({
      // Format: https://jina.ai/reader/ (JINA_API_KEY; keys begin jina_)
      id: 'jina-api-key',
      provider: 'jina',
      kind: 'API key',
      description: 'Jina AI API key (jina_)',
      prefix: 'jina_',
      body: '[A-Za-z0-9]{50,70}',
      entropy: 4.2,
      examples: {
        truePositives: ['JINA_API_KEY=jina_jG35iNvQq7IzAY8cNIdK8wVfae3j63qOs6mfhjenQjU6w2AEMrmC4xtakUKM'],
        falsePositives: [
          'JINA_API_KEY=jina_...',
          'import jina_embeddings_v3_from_the_hub_of_models_and_tokenizers_here',
        ],
      },
    }),
  ],
};
