import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** xAI: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const xai: Provider = {
  id: 'xai',
  name: 'xAI',
  // An API key can be limited to some endpoints and models, and given rate limits.
  docsUrl: 'https://docs.x.ai/docs/tutorial',
  rules: [
    prefixedToken({
      // Format: https://docs.x.ai/docs/tutorial (XAI_API_KEY; keys begin xai- followed by 80 letters and digits)
      id: 'xai-api-key',
      provider: 'xai',
      kind: 'API key',
      description: 'xAI (Grok) API key (xai-)',
      prefix: 'xai-',
      body: '[A-Za-z0-9]{70,100}',
      entropy: 4.5,
      examples: {
        truePositives: [
          'XAI_API_KEY=xai-eGWZMEmD7GvR8gNA1NUqYlTsSuspbmSFlntULwtPfL4LZv6TWzi5DdkWwAWbkp6SMHXmOToVSVhZJCGJ',
        ],
        falsePositives: [
          'XAI_API_KEY=xai-...',
          'import { xai } from "@ai-sdk/xai-compatible-provider-for-grok-models-and-others"',
        ],
      },
    }),
  ],
};
