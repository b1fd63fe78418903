import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Adafruit IO: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const adafruit: Provider = {
  id: 'adafruit',
  name: 'Adafruit IO',
  // One account key reaches every feed: regenerate it after a leak.
  docsUrl: 'https://io.adafruit.com/api/docs/#authentication',
  rules: [
    prefixedToken({
      // Format: https://io.adafruit.com/api/docs/#authentication (X-AIO-Key; keys aio_ then 28 letters and digits)
      id: 'adafruit-io-key',
      provider: 'adafruit',
      kind: 'IO key',
      description: 'Adafruit IO key (aio_)',
      prefix: 'aio_',
      body: '[A-Za-z0-9]{28}',
      entropy: 4,
      examples: {
        truePositives: ['ADAFRUIT_IO_KEY=aio_832VptqgmnzZf2IQl2EiEnEouqqH'],
        falsePositives: ['ADAFRUIT_IO_KEY=aio_xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'aio_short'],
      },
    }),
  ],
};
