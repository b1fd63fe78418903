import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Codecov: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const codecov: Provider = {
  id: 'codecov',
  name: 'Codecov',
  // A repository upload token uploads to one repository; a global token to all of an organization.
  docsUrl: 'https://docs.codecov.com/docs/codecov-tokens',
  rules: [
    namedSecret({
      // Format: https://docs.codecov.com/docs/codecov-tokens (CODECOV_TOKEN, a UUID)
      id: 'codecov-token',
      provider: 'codecov',
      kind: 'upload token',
      description: 'Codecov upload token (a UUID), by its variable name',
      keywords: ['codecov'],
      names: 'codecov_?(?:upload_?)?token',
      value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      entropy: 3.3,
      examples: {
        truePositives: ['CODECOV_TOKEN=c6f204e9-a2c2-4c4a-a8f7-4e00af585696'],
        falsePositives: [
          'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000',
          'CODECOV_FLAGS=c6f204e9-a2c2-4c4a-a8f7-4e00af585696',
        ],
      },
    }),
  ],
};
