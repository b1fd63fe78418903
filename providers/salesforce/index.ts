import type { Provider } from '../../src/core/provider.js';

/** Salesforce: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const salesforce: Provider = {
  id: 'salesforce',
  name: 'Salesforce',
  // A connected app with narrow OAuth scopes and an integration user, not an admin's session.
  docsUrl: 'https://help.salesforce.com/s/articleView?id=sf.connected_app_create_api_integration.htm',
  rules: [
    {
      // Format: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/quickstart_oauth.htm
      // (access tokens and session ids: the 15- or 18-character org id, which begins 00D, an !, then
      // the token: letters, digits, dots and underscores)
      id: 'salesforce-access-token',
      provider: 'salesforce',
      kind: 'access token (session id)',
      description: 'Salesforce OAuth access token or session id (00D<org id>!<token>)',
      confidence: 'high',
      keywords: ['00D'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9])(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,120})(?![A-Za-z0-9._])',
      entropy: 4.5,
      examples: {
        truePositives: [
          'SF_ACCESS_TOKEN=00D2oBLGgkJN0g9!z_VGVDFeqkM0mLxIiuIaTSpD7LPHtVUMe8804BXGdZ1enSM8D8rDJYDHmFvbu2BMoDUrB8PvZ4JOymfmRdmFybIYlJ7iOBEI',
        ],
        falsePositives: ['SF_ORG_ID=00D2oBLGgkJN0g9', 'Authorization: Bearer 00Dxx0000001gPL!<token>'],
      },
    },
  ],
};
