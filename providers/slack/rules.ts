import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Slack's token kinds (api.slack.com/concepts/token-types; shapes from the fact sheet's §2.1). No
 * checksum is published. Bot, user, app-level and legacy tokens are inspected with `auth.test`;
 * configuration and refresh tokens, and webhooks, are detected and never sent.
 */
export const rules: RuleSpec[] = [
  {
    id: 'slack-token',
    provider: 'slack',
    kind: 'bot or user token',
    description: 'Slack bot (xoxb), user (xoxp), or legacy workspace token (xoxa, xoxr, xoxs)',
    confidence: 'high',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>xox[bpars]-\\d{8,14}-[0-9A-Za-z-]{10,110})\\b',
    entropy: 3,
    examples: {
      truePositives: [
        'SLACK_BOT_TOKEN=xoxb-4662185528000-5735149953000-Bv8pWO5Z6wd6l7Kc09VY4o1g',
        'token: xoxp-628288036900-801172782100-536928045300-b711e7e67bf5c8cffb02eb19ddae0688',
      ],
      falsePositives: ['SLACK_BOT_TOKEN=xoxb-your-token-here', 'xoxb-00000000000-XXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'slack-app-token',
    provider: 'slack',
    kind: 'app-level token',
    description: 'Slack app-level token (xapp-): the app across every organization it is installed in',
    confidence: 'high',
    keywords: ['xapp-'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>xapp-\\d-[A-Z0-9]{8,14}-\\d{10,16}-[a-f0-9]{32,80})\\b',
    entropy: 3,
    examples: {
      truePositives: [
        'SLACK_APP_TOKEN=xapp-1-A04R7JQ3XKM-4662185528123-9c0e7b1f4a2d6e8c3b5a7f9d1e0c2b4a6f8e0d2c4b6a8f0e1d3c5b7a9f2e4d6c',
      ],
      falsePositives: [
        'SLACK_APP_TOKEN=xapp-1-AXXXXXXXX-0000000000-xxxxxxxx',
        `xapp-1-A04R7JQ3XKM-4662185528123-${'0'.repeat(64)}`,
      ],
    },
  },
  {
    id: 'slack-config-token',
    provider: 'slack',
    kind: 'configuration token',
    description: 'Slack app configuration token (xoxe.xoxp-, xoxe.xoxb-): creates and deletes apps',
    confidence: 'high',
    keywords: ['xoxe.xox'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![0-9A-Za-z.-])(?<secret>xoxe\\.xox[bp]-\\d-(?=(?<body>[A-Za-z0-9]{100,200}))\\k<body>)(?![0-9A-Za-z-])',
    entropy: 3.5,
    examples: {
      truePositives: [
        `SLACK_CONFIG_TOKEN=xoxe.xoxp-1-${'Mi0yLTQ2NjIxODU1MjgwMDAtNTczNTE0OTk1MzAwMC1CdjhwV081WjZ3ZDZsN0tjMDlWWTRvMWc'.repeat(2)}Qz7R`,
      ],
      falsePositives: [`xoxe.xoxp-1-${'A'.repeat(160)}`],
    },
  },
  {
    id: 'slack-refresh-token',
    provider: 'slack',
    kind: 'refresh token',
    description: 'Slack refresh token (xoxe-): mints new tokens through rotation',
    confidence: 'high',
    keywords: ['xoxe-'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![0-9A-Za-z.-])(?<secret>xoxe-\\d-(?=(?<body>[A-Za-z0-9]{100,200}))\\k<body>)(?![0-9A-Za-z-])',
    entropy: 3.5,
    examples: {
      truePositives: [
        `SLACK_REFRESH_TOKEN=xoxe-1-${'My0xLTQ2NjIxODU1MjgwMDAtNTczNTE0OTk1MzAwMC1CdjhwV081WjZ3ZDZsN0tjMDlWWTRvMWc'.repeat(2)}`,
      ],
      falsePositives: [`xoxe-1-${'A'.repeat(146)}`],
    },
  },
  {
    id: 'slack-webhook',
    provider: 'slack',
    kind: 'incoming webhook URL',
    description: 'Slack incoming webhook URL (anyone holding it can post to the channel)',
    confidence: 'high',
    keywords: ['hooks.slack.com/'],
    keywordScope: 'line',
    regex:
      '(?<secret>https://hooks\\.slack\\.com/(?:services|workflows)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[A-Za-z0-9]{20,32})',
    examples: {
      truePositives: ['url: https://hooks.slack.com/services/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'],
      falsePositives: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
];

/** Why each kind without a read-only introspection is never sent. */
export const NEVER_SENT: Record<string, string> = {
  'slack-webhook':
    'an incoming webhook can only be tested by posting to it (a write); tokenscope never does. Anyone holding it can post to its channel',
  'slack-refresh-token':
    'a refresh token is used only by rotation (oauth.v2.access, tooling.tokens.rotate), which revokes tokens; tokenscope never sends it. It mints new access tokens for its app',
  'slack-config-token':
    'a configuration token is used only by the App Manifest and rotation methods (they create, change and delete apps); tokenscope never sends it. It expires 12 hours after issue',
};
