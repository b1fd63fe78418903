import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Pinecone: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const pinecone: Provider = {
  id: 'pinecone',
  name: 'Pinecone',
  // A key belongs to one project, and can be given ReadOnly or ReadWrite roles on the control and data planes.
  docsUrl: 'https://docs.pinecone.io/guides/projects/manage-api-keys',
  rules: [
    prefixedToken({
      // Format: https://docs.pinecone.io/guides/projects/manage-api-keys (PINECONE_API_KEY; keys
      // begin pcsk_, then the key's short id, _, and the secret)
      id: 'pinecone-api-key',
      provider: 'pinecone',
      kind: 'API key',
      description: 'Pinecone API key (pcsk_)',
      prefix: 'pcsk_',
      body: '[A-Za-z0-9]{4,10}_[A-Za-z0-9]{50,90}',
      entropy: 4.2,
      examples: {
        truePositives: [
          'PINECONE_API_KEY=pcsk_4QOgWx_yuIXhev2lgYGQIgdYnTbqL2uZf1n0ePKxRJbofpZKV7SYq5W0t8jxU7TkyGl2q8D',
        ],
        falsePositives: ['PINECONE_API_KEY=pcsk_...', 'pcsk_abc_short'],
      },
    }),
  ],
};
