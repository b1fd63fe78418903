import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Typeform: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const typeform: Provider = {
  id: 'typeform',
  name: 'Typeform',
  // A personal token carries only the scopes chosen when it is made (forms:read rather than accounts:write).
  docsUrl: 'https://www.typeform.com/developers/get-started/personal-access-token/',
  rules: [
    prefixedToken({
      // Format: https://www.typeform.com/developers/get-started/personal-access-token/ (tokens begin tfp_)
      id: 'typeform-pat',
      provider: 'typeform',
      kind: 'personal access token',
      description: 'Typeform personal access token (tfp_)',
      prefix: 'tfp_',
      body: '[A-Za-z0-9_-]{40,70}',
      entropy: 4,
      examples: {
        truePositives: ['TYPEFORM_TOKEN=tfp_WMrzqnx1RVecnk8PozkaQxJ9jAlIvVViz0b6lTgywzIM_NrYhIeHuULoM7x'],
        falsePositives: ['TYPEFORM_TOKEN=tfp_...', 'tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      },
    }),
  ],
};
