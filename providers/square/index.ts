import type { Provider } from '../../src/core/provider.js';

/** Square: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const square: Provider = {
  id: 'square',
  name: 'Square',
  docsUrl: 'https://developer.squareup.com/docs/build-basics/access-tokens',
  rules: [
    {
      // Format: https://developer.squareup.com/docs/build-basics/access-tokens (personal and OAuth access tokens begin EAAA; older ones sq0atp-)
      id: 'square-access-token',
      provider: 'square',
      kind: 'access token',
      description: 'Square access token (EAAA, or the older sq0atp-)',
      confidence: 'high',
      keywords: ['EAAA', 'sq0atp-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'SQUARE_ACCESS_TOKEN=EAAAdzJvUDN-apeVPPuiyoFAvkyWYUFlBrNwJF8c_L-W0alaAq8XrQsDTZWBwyBv',
          'SQUARE_ACCESS_TOKEN=sq0atp-3z6VgtQoa1Hcyspi_eU_wU',
        ],
        falsePositives: [
          'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'EAAAshort',
        ],
      },
    },
    {
      // Format: https://developer.squareup.com/docs/oauth-api/overview (application secrets begin sq0csp-)
      id: 'square-oauth-secret',
      provider: 'square',
      kind: 'application secret',
      description: 'Square OAuth application secret (sq0csp-)',
      confidence: 'high',
      keywords: ['sq0csp-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: ['SQUARE_APP_SECRET=sq0csp-FBQIM9W0z3FK2BDP_PLLfyNMhFTISVePMEe387kZWxR'],
        falsePositives: ['SQUARE_APP_SECRET=sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'sq0csp-short'],
      },
    },
  ],
};
