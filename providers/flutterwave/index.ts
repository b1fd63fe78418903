import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Flutterwave: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const flutterwave: Provider = {
  id: 'flutterwave',
  name: 'Flutterwave',
  // Test keys (FLWSECK_TEST-) move no money: keep live keys to production only.
  docsUrl: 'https://developer.flutterwave.com/docs/authentication',
  rules: [
    prefixedToken({
      // Format: https://developer.flutterwave.com/docs/authentication (secret keys FLWSECK-, 32 hexadecimal
      // characters and -X; test keys FLWSECK_TEST-)
      id: 'flutterwave-secret-key',
      provider: 'flutterwave',
      kind: 'live secret key',
      description: 'Flutterwave live secret key (FLWSECK-)',
      prefix: 'FLWSECK-',
      body: '[0-9a-f]{32}-X',
      entropy: 3.3,
      examples: {
        truePositives: ['FLW_SECRET_KEY=FLWSECK-8c9276580ad8d5946bd82df68f90dcd5-X'],
        falsePositives: [
          'FLW_SECRET_KEY=FLWSECK_TEST-8c9276580ad8d5946bd82df68f90dcd5-X',
          'FLW_SECRET_KEY=FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X',
        ],
      },
    }),
  ],
};
