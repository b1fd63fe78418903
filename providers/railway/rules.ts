import type { RuleSpec } from '../../src/core/rule.js';

/** Platforms whose variables hold UUIDs too: a name that says one of them is not Railway's. */
const OTHER_PLATFORMS = [
  'heroku',
  'vercel',
  'netlify',
  'render',
  'fly',
  'flyio',
  'aws',
  'azure',
  'gcp',
  'google',
  'github',
  'gitlab',
  'bitbucket',
  'digitalocean',
  'do',
  'supabase',
  'stripe',
  'sendgrid',
  'slack',
  'twilio',
  'datadog',
  'dd',
  'sentry',
  'cloudflare',
  'cf',
  'linode',
  'vultr',
  'hetzner',
  'firebase',
  'mongodb',
  'atlas',
  'newrelic',
  'pagerduty',
  'circleci',
  'okta',
  'auth0',
  'algolia',
  'mailgun',
  'postmark',
  'pusher',
  'planetscale',
  'neon',
  'upstash',
  'clerk',
  'resend',
  'doppler',
  'vault',
];
/** Resources whose ids are UUIDs on Railway (and elsewhere): `RAILWAY_PROJECT_ID`, `serviceId`. */
const IDENTIFIED = [
  'project',
  'environment',
  'env',
  'service',
  'workspace',
  'team',
  'deployment',
  'volume',
  'plugin',
  'instance',
  'user',
  'request',
  'trace',
  'replica',
  'snapshot',
];

/**
 * Names that say a UUID is not a Railway token: another platform's variable (the platform as a
 * word of the name, and railway nowhere in it), or an identifier (`..._ID`, `..._UUID`, `projectId`).
 */
const NOT_RAILWAY = [
  `^(?!.*railway)(?:.*[_.-])?(?:${OTHER_PLATFORMS.join('|')})(?:[_.-]|$)`,
  '(?:^|[_.-])(?:id|uuid|guid)$',
  `(?:${IDENTIFIED.join('|')})_?(?:id|uuid)$`,
].join('|');

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
    context: {
      pattern: 'railway',
      withinLines: 3,
      pathPattern: '(^|/)\\.railway/config\\.json$',
      excludeNames: NOT_RAILWAY,
    },
    examples: {
      truePositives: [
        'RAILWAY_TOKEN=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'export RAILWAY_API_TOKEN="b86e2f4d-17a9-4c3e-a5d0-92f18c7e6b43"',
        '# railway deploys\ntoken: 5d2a8e61-c4f9-47b0-8e13-a6b9d0c27f58',
        'RAILWAY_DOMAIN_TOKEN=7c4e1b92-5a3f-4d86-b0e7-2f9c6a18d345',
        // A name that says neither another platform nor an identifier leaves the context to decide.
        '# railway\nDEPLOY_TOKEN=9a6d3c18-2b7f-4e05-8d91-c4a2f7b0e63d',
      ],
      falsePositives: [
        'request_id=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000',
        '# railway\n\n\n\n\n\nsession=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        // A name outranks nearby context: another platform's key, or a Railway identifier.
        '# railway and heroku\nHEROKU_API_KEY=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'RAILWAY_PROJECT_ID=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'RAILWAY_ENVIRONMENT_ID=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        'RAILWAY_SERVICE_ID=3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        '# railway\nprojectId: 3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d19',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell placeholder is the sample
        'RAILWAY_TOKEN=${RAILWAY_TOKEN}',
      ],
    },
  },
];
