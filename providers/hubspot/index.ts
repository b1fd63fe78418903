import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** HubSpot: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const hubspot: Provider = {
  id: 'hubspot',
  name: 'HubSpot',
  // A private app's token has only the scopes chosen for that app.
  docsUrl: 'https://developers.hubspot.com/docs/api/private-apps',
  rules: [
    prefixedToken({
      // Format: https://developers.hubspot.com/docs/api/private-apps (private app access tokens:
      // pat-, the account's data-centre region (na1, eu1 ...), then a UUID)
      id: 'hubspot-private-app-token',
      provider: 'hubspot',
      kind: 'private app access token',
      description: 'HubSpot private app access token (pat-<region>-<uuid>)',
      prefix: 'pat-',
      body: '[a-z]{2}[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      entropy: 3.3,
      examples: {
        truePositives: [
          'HUBSPOT_ACCESS_TOKEN=pat-na1-fda7a31d-a591-43bc-b8f4-0e5467483c3c',
          'hubspot:\n  token: "pat-eu1-64cddc97-9af4-42e6-9014-7779d8505b87"',
        ],
        falsePositives: [
          'HUBSPOT_ACCESS_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000',
          'pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        ],
      },
    }),
  ],
};
