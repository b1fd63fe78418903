import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Railway tokens are bare UUIDs: only context makes one a Railway token (the variable names the
 * Railway CLI reads, a key mentioning railway close by, or the CLI's own config file).
 */
export const rules: RuleSpec[] = [
  {
    id: 'railway-token',
    provider: 'railway',
    kind: 'API token',
    description: 'Railway account, workspace or project token (a UUID named or placed as one)',
    confidence: 'context',
    keywords: ['railway'],
    regex: '\\b(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b',
    flags: 'i',
    entropy: 3,
    context: { pattern: 'railway', withinLines: 3, pathPattern: '(^|/)\\.railway/config\\.json$' },
    examples: {
      truePositives: [
        'RAILWAY_TOKEN=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'export RAILWAY_API_TOKEN="b86e2f4d-17a9-4c3e-a5d0-92f18c7e6b43"',
        '# railway deploys\ntoken: 5d2a8e61-c4f9-47b0-8e13-a6b9d0c27f58',
        'RAILWAY_DOMAIN_TOKEN=7c4e1b92-5a3f-4d86-b0e7-2f9c6a18d345',
      ],
      falsePositives: [
        'request_id=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000',
        '# railway\n\n\n\n\n\nsession=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell placeholder is the sample
        'RAILWAY_TOKEN=${RAILWAY_TOKEN}',
      ],
    },
  },
];
