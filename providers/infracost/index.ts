import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Infracost: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const infracost: Provider = {
  id: 'infracost',
  name: 'Infracost',
  // A CI/CD-only organization key rather than a personal one.
  docsUrl: 'https://www.infracost.io/docs/integrations/cicd/',
  rules: [
    prefixedToken({
      // Format: https://www.infracost.io/docs/features/environment_variables/ (INFRACOST_API_KEY; keys begin ico-)
      id: 'infracost-api-key',
      provider: 'infracost',
      kind: 'API key',
      description: 'Infracost API key (ico-)',
      prefix: 'ico-',
      body: '[A-Za-z0-9]{32}',
      entropy: 4,
      examples: {
        truePositives: ['INFRACOST_API_KEY=ico-0A9G0aWes3g8dbpYw7P8GrV6JMSN43n5'],
        falsePositives: ['INFRACOST_API_KEY=ico-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ico-short'],
      },
    }),
  ],
};
