import type { Provider } from '../../src/core/provider.js';

export const slack: Provider = {
  id: 'slack',
  name: 'Slack',
  docsUrl: 'https://api.slack.com/authentication/token-types',
  rules: [
    {
      id: 'slack-token',
      provider: 'slack',
      kind: 'bot or user token',
      description: 'Slack bot (xoxb), user (xoxp), app-level or legacy token',
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
  ],
};
