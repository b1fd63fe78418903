import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Ably: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const ably: Provider = {
  id: 'ably',
  name: 'Ably',
  // Keys carry capabilities per channel (subscribe only); clients should get short tokens instead.
  docsUrl: 'https://ably.com/docs/auth/capabilities',
  rules: [
    namedSecret({
      // Format: https://ably.com/docs/auth/basic (an API key is <app id>.<key id>:<key secret>)
      id: 'ably-api-key',
      provider: 'ably',
      kind: 'API key',
      description: 'Ably API key (<app id>.<key id>:<secret>), by its variable name',
      keywords: ['ably'],
      names: 'ably_?(?:api_?)?key',
      value: '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_+/=-]{30,60}',
      entropy: 3.8,
      examples: {
        truePositives: ['ABLY_API_KEY=4RMAAA.KzTDBT:mpeBPm9tDkmYJjEVx2fUrVWmwuelvl2lsriFIbC120e'],
        falsePositives: ['ABLY_API_KEY=<app>.<key>:<secret>', 'ABLY_CLIENT_ID=4RMAAA.KzTDBT'],
      },
    }),
  ],
};
