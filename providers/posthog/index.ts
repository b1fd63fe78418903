import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** PostHog: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const posthog: Provider = {
  id: 'posthog',
  name: 'PostHog',
  // A personal API key can be limited to some scopes and projects; project keys (phc_) are public by design.
  docsUrl: 'https://posthog.com/docs/api#private-endpoint-authentication',
  rules: [
    prefixedToken({
      // Format: https://posthog.com/docs/api#private-endpoint-authentication (personal API keys begin phx_;
      // project API keys phc_ are meant to be public)
      id: 'posthog-personal-api-key',
      provider: 'posthog',
      kind: 'personal API key',
      description: 'PostHog personal API key (phx_)',
      prefix: 'phx_',
      body: '[A-Za-z0-9]{40,50}',
      entropy: 4.2,
      examples: {
        truePositives: ['POSTHOG_PERSONAL_API_KEY=phx_2wuy7PHf0WKkPfJ2mJMbe1P78NmtBczHtHFKrAwTLu1wFeJ'],
        falsePositives: [
          'POSTHOG_KEY=phc_2wuy7PHf0WKkPfJ2mJMbe1P78NmtBczHtHFKrAwTLu1wFeJ',
          'POSTHOG_PERSONAL_API_KEY=phx_...',
        ],
      },
    }),
  ],
};
