import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Contentful: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const contentful: Provider = {
  id: 'contentful',
  name: 'Contentful',
  // A PAT acts as its user on every space; a space's delivery or preview key only reads content.
  docsUrl: 'https://www.contentful.com/help/token-management/personal-access-tokens/',
  rules: [
    prefixedToken({
      // Format: https://www.contentful.com/help/token-management/personal-access-tokens/ (Content
      // Management API personal access tokens begin CFPAT-)
      id: 'contentful-pat',
      provider: 'contentful',
      kind: 'personal access token',
      description: 'Contentful Content Management API personal access token (CFPAT-)',
      prefix: 'CFPAT-',
      body: '[A-Za-z0-9_-]{40,50}',
      entropy: 4,
      examples: {
        truePositives: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-2mu_7ORH2Yod4qiVRiIPRISwwHwSsl1hi5qSL6uSpqv'],
        falsePositives: [
          'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<your-token>',
          'CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    }),
  ],
};
