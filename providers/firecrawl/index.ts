import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Firecrawl: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const firecrawl: Provider = {
  id: 'firecrawl',
  name: 'Firecrawl',
  // One key per project or team, so that one leak is revoked alone.
  docsUrl: 'https://docs.firecrawl.dev/introduction',
  rules: [
    prefixedToken({
      // Format: https://docs.firecrawl.dev/introduction (FIRECRAWL_API_KEY; keys fc- then 32 hexadecimal characters)
      id: 'firecrawl-api-key',
      provider: 'firecrawl',
      kind: 'API key',
      description: 'Firecrawl API key (fc-)',
      prefix: 'fc-',
      body: '[0-9a-f]{32}',
      entropy: 3.3,
      examples: {
        truePositives: ['FIRECRAWL_API_KEY=fc-bfb70ffe61a5fd22d110a899444bf822'],
        falsePositives: ['FIRECRAWL_API_KEY=fc-YOUR_API_KEY', 'fc-00000000000000000000000000000000'],
      },
    }),
  ],
};
