import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Heroku's prefixed OAuth tokens come in two shapes whose precedence is unconfirmed (HRKU- and a
 * UUID per Heroku's OAuth article; HRKU-AA and 58 characters per scanners): both are matched.
 * The legacy API key and unprefixed OAuth tokens are bare UUIDs, taken only with a name saying
 * Heroku close by.
 */
export const rules: RuleSpec[] = [
  {
    id: 'heroku-token',
    provider: 'heroku',
    confidence: 'high',
    kind: 'OAuth token',
    description: 'Heroku Platform API OAuth token (HRKU-)',
    keywords: ['HRKU-'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex:
      '\\b(?<secret>HRKU-(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|AA[0-9A-Za-z_-]{58}))(?![0-9A-Za-z_-])',
    entropy: 3,
    examples: {
      truePositives: [
        'HEROKU_API_KEY=HRKU-57dce771-3a8e-4b1c-9f24-6d0e8a5b2c13',
        'token: HRKU-AAu8jzPde0IgxLd6Gn_cfBAepfJBd0Kh8oOOL8-dKLzdocJ2isAjIhKtJ0Rl',
      ],
      falsePositives: [
        'HEROKU_API_KEY=HRKU-00000000-0000-0000-0000-000000000000',
        'see HRKU-AA in the docs',
        'HEROKU_API_KEY=HRKU-57dce771-3a8e-4b1c-9f24-6d0e8a5b2c13 # tokenscope:allow',
      ],
    },
  },
  {
    id: 'heroku-api-key',
    provider: 'heroku',
    confidence: 'context',
    kind: 'API key (legacy)',
    description: 'Heroku API key or unprefixed OAuth token (a UUID named for Heroku)',
    keywords: ['heroku'],
    regex: '(?<![0-9A-Za-z-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b',
    flags: 'i',
    entropy: 3,
    context: { pattern: 'heroku', withinLines: 2, pathPattern: '(^|/)\\.netrc$' },
    examples: {
      truePositives: [
        'HEROKU_API_KEY=4b2f7c1e-9d3a-4e8b-b5c6-1a7d0f9e2c34',
        '# heroku deploys\nkey: 8e1d4a6b-2c9f-47e3-a0b5-6f3c8d1e9a27',
      ],
      falsePositives: [
        'request_id=4b2f7c1e-9d3a-4e8b-b5c6-1a7d0f9e2c34',
        'HEROKU_API_KEY=HRKU-57dce771-3a8e-4b1c-9f24-6d0e8a5b2c13',
        'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
