import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Fastly: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const fastly: Provider = {
  id: 'fastly',
  name: 'Fastly',
  // A token can be limited to some services and to the purge_select or global:read scope.
  docsUrl: 'https://docs.fastly.com/en/guides/using-api-tokens',
  rules: [
    namedSecret({
      // Format: https://docs.fastly.com/en/guides/using-api-tokens (32-character tokens; FASTLY_API_TOKEN for the CLI and the Terraform provider, https://www.fastly.com/documentation/reference/cli/)
      id: 'fastly-api-token',
      provider: 'fastly',
      kind: 'API token',
      description: 'Fastly API token (32 characters), by its variable name',
      keywords: ['fastly'],
      names: 'fastly_?(?:api_?)?(?:token|key)',
      value: '[A-Za-z0-9_-]{32}',
      entropy: 3.8,
      examples: {
        truePositives: ['FASTLY_API_TOKEN=1-qZq3k_5zpNbZ6k7VNimvARVaWL6pyL'],
        falsePositives: [
          'FASTLY_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'FASTLY_SERVICE_ID=SU1Z0isxPaozGVKXdv0eY',
        ],
      },
    }),
  ],
};
