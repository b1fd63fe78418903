import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** fal: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const fal: Provider = {
  id: 'fal',
  name: 'fal',
  // API-scoped keys run models only; ADMIN-scoped keys also manage apps and keys.
  docsUrl: 'https://docs.fal.ai/authentication/key-based',
  rules: [
    namedSecret({
      // Format: https://docs.fal.ai/authentication/key-based (FAL_KEY: the key id, a UUID, a colon,
      // and the secret, 32 hexadecimal characters)
      id: 'fal-api-key',
      provider: 'fal',
      kind: 'API key',
      description: 'fal API key (<uuid>:<secret>), by its variable name',
      keywords: ['fal_key', 'fal_api_key'],
      names: 'fal_(?:api_)?key',
      value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{32}',
      entropy: 3.3,
      examples: {
        truePositives: ['FAL_KEY=e0fa2270-63b4-4981-9e75-ee36f59013d0:57fe7ac9babb85c80b2b95e3f97515cb'],
        falsePositives: ['FAL_KEY=e0fa2270-63b4-4981-9e75-ee36f59013d0', 'FAL_KEY=<key_id>:<key_secret>'],
      },
    }),
  ],
};
