import type { Provider } from '../../src/core/provider.js';

/** Auth0: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const auth0: Provider = {
  id: 'auth0',
  name: 'Auth0',
  docsUrl: 'https://auth0.com/docs/get-started/applications/application-settings',
  rules: [
    {
      // Format: https://auth0.com/docs/get-started/applications/application-settings (Client Secret; AUTH0_CLIENT_SECRET in the quickstarts)
      id: 'auth0-client-secret',
      provider: 'auth0',
      kind: 'client secret',
      description: 'Auth0 application client secret, by its variable name',
      confidence: 'context',
      keywords: ['auth0'],
      keywordScope: 'line',
      regex: 'auth0_?client_?secret["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])',
      flags: 'i',
      entropy: 4,
      examples: {
        truePositives: ['AUTH0_CLIENT_SECRET=DCjaqd5HSH5X3JT8UDjjiLi_3-f07iu_vFUe5aWn5CqAF3V2oDREBwFHgqFvbDKP'],
        falsePositives: [
          'AUTH0_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          "AUTH0_CLIENT_SECRET='YOUR_CLIENT_SECRET'",
        ],
      },
    },
  ],
};
