import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Harness: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const harness: Provider = {
  id: 'harness',
  name: 'Harness',
  // A service account token with a narrow role binding instead of a personal access token.
  docsUrl: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/',
  rules: [
    prefixedToken({
      // Format: https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/ (tokens
      // pat. or sat., the account id, ., the token id, ., the secret)
      id: 'harness-pat',
      provider: 'harness',
      kind: 'personal access token',
      description: 'Harness personal access token (pat.)',
      prefix: 'pat.',
      body: '[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}',
      entropy: 4,
      examples: {
        truePositives: [
          'HARNESS_PLATFORM_API_KEY=pat.b55tcMxY4GzsnINQ7Kwp-O.1142a1bb12ba498bc8b4cf6a.wyJ5LohgMQijyVF2Qg9I',
        ],
        falsePositives: ['HARNESS_PLATFORM_API_KEY=pat.<account>.<id>.<secret>', 'import compat.b55tcMxY4GzsnINQ7Kwp'],
      },
    }),
    prefixedToken({
      // Format: https://developer.harness.io/docs/platform/role-based-access-control/add-and-manage-service-account/
      // (service account tokens: sat., then the same three parts)
      id: 'harness-sat',
      provider: 'harness',
      kind: 'service account token',
      description: 'Harness service account token (sat.)',
      prefix: 'sat.',
      body: '[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}',
      entropy: 4,
      examples: {
        truePositives: ['HARNESS_API_KEY=sat.gmDzaukRdVdfVMhXzf6mmt.144d1642c84a9d7dabdabdda.qb7uiFecEywYndrTXh3X'],
        falsePositives: [
          'HARNESS_API_KEY=sat.<account>.<id>.<secret>',
          'sat.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx',
        ],
      },
    }),
  ],
};
