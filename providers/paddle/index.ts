import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Paddle: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const paddle: Provider = {
  id: 'paddle',
  name: 'Paddle',
  // API keys carry permissions per entity (read or write) and an expiry; sandbox keys touch no money.
  docsUrl: 'https://developer.paddle.com/api-reference/about/api-keys',
  rules: [
    prefixedToken({
      // Format: https://developer.paddle.com/api-reference/about/api-keys (keys pdl_live_apikey_ or
      // pdl_sdbx_apikey_, the key id, then the secret)
      id: 'paddle-live-api-key',
      provider: 'paddle',
      kind: 'live API key',
      description: 'Paddle Billing live API key (pdl_live_apikey_)',
      prefix: 'pdl_live_apikey_',
      body: '[0-9a-z]{26}_[A-Za-z0-9_]{20,40}',
      entropy: 4,
      examples: {
        truePositives: ['PADDLE_API_KEY=pdl_live_apikey_vmfn7fg5mzw5mjsxhraqcy4szj_dr7WRx2PdjSD3rhsPrguwT_EIU'],
        falsePositives: [
          'PADDLE_API_KEY=pdl_sdbx_apikey_vmfn7fg5mzw5mjsxhraqcy4szj_dr7WRx2PdjSD3rhsPrguwT_EIU',
          'PADDLE_API_KEY=pdl_live_apikey_...',
        ],
      },
    }),
  ],
};
