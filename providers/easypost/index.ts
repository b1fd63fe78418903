import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** EasyPost: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const easypost: Provider = {
  id: 'easypost',
  name: 'EasyPost',
  // Test keys (EZTK) create no real shipments: only production needs EZAK.
  docsUrl: 'https://docs.easypost.com/docs/authentication',
  rules: [
    prefixedToken({
      // Format: https://docs.easypost.com/docs/authentication (production API keys begin EZAK,
      // test keys EZTK)
      id: 'easypost-production-key',
      provider: 'easypost',
      kind: 'production API key',
      description: 'EasyPost production API key (EZAK)',
      prefix: 'EZAK',
      body: '[A-Za-z0-9]{40,60}',
      entropy: 4.2,
      examples: {
        truePositives: ['EASYPOST_API_KEY=EZAKXEyop52nEq9nA0MTQilgt8j419bpb9tb4FI8IQ2IyLzmWsi2IjT9wW'],
        falsePositives: [
          'EASYPOST_API_KEY=EZTKXEyop52nEq9nA0MTQilgt8j419bpb9tb4FI8IQ2IyLzmWsi2IjT9wW',
          'EASYPOST_API_KEY=EZAK...',
        ],
      },
    }),
  ],
};
