import type { RuleSpec } from '../../src/core/rule.js';

export const rules: RuleSpec[] = [
  {
    id: 'sendgrid-api-key',
    provider: 'sendgrid',
    kind: 'API key',
    description: 'SendGrid API key (SG.)',
    confidence: 'high',
    keywords: ['SG.'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>SG\\.[0-9A-Za-z_-]{22}\\.[0-9A-Za-z_-]{43})(?![0-9A-Za-z_-])',
    entropy: 4,
    examples: {
      truePositives: ['SENDGRID_API_KEY=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'],
      falsePositives: ['msg.send(payload)', 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
];
