import type { Provider } from '../../src/core/provider.js';

/** Mapbox: detection only (no harmless whoami: `unverifiable` says why); docsUrl says how to make a narrower credential. */
export const mapbox: Provider = {
  id: 'mapbox',
  name: 'Mapbox',
  docsUrl: 'https://docs.mapbox.com/accounts/guides/tokens/',
  unverifiable:
    'Mapbox takes a token only in the URL query (access_token=), where servers and proxies log it; tokenscope does not send it',
  rules: [
    {
      // Format: https://docs.mapbox.com/accounts/guides/tokens/#token-format (secret tokens begin sk., public pk., temporary tk.)
      id: 'mapbox-secret-token',
      provider: 'mapbox',
      kind: 'secret access token',
      description: 'Mapbox secret access token (sk.; public pk. tokens are not secrets)',
      confidence: 'high',
      keywords: ['sk.eyJ'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>sk\\.eyJ[A-Za-z0-9_-]{20,400}\\.[A-Za-z0-9_-]{20,60})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1Ijoic21ib2FybGh3cCIsImEiOiJEMmdUby1DczJ0UnJsTFFpcXJNbHVYQjc2In0.9oMj55AGH5Mi5fFYjWmnV1',
        ],
        falsePositives: [
          'MAPBOX_TOKEN=pk.eyJ1IjoieCIsImEiOiI4cURTa0pnYTJIanRlN2ZGUUxEdnRmXzJXIn0.zwKIMvQTvdH3ziKMIf93YS',
          'sk.eyJ1IjoiZXhhbXBsZSJ9',
        ],
      },
    },
  ],
};
