import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Fly.io issues two kinds of token text: `fo1_` login tokens (gitleaks' flyio rule: 43 more
 * characters), and macaroons: `FlyV1 ` then comma-separated `fm2_`/`fm1r_`/`fm1a_` + base64
 * (github.com/superfly/macaroon format.go). The validator decodes a macaroon offline, so random
 * text after `fm2_` does not count.
 */
export const rules: RuleSpec[] = [
  {
    id: 'flyio-auth-token',
    provider: 'flyio',
    confidence: 'high',
    kind: 'user auth token',
    description: 'Fly.io user auth token (fo1_), as `fly auth token` prints',
    keywords: ['fo1_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![A-Za-z0-9_-])(?<secret>fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: {
      truePositives: ['FLY_API_TOKEN=fo1_Qx7bK2mZp9LrT4vW8nYc3HsJd6GfA1eUoXiB5lNqRtM'],
      falsePositives: [`FLY_API_TOKEN=fo1_${'a'.repeat(43)}`, 'fo1_Qx7bK2mZp9LrT4vW8nYc3HsJd6GfA1eUoXiB5lNqRtMextra'],
    },
  },
  {
    id: 'flyio-macaroon',
    provider: 'flyio',
    confidence: 'high',
    kind: 'macaroon token',
    description: 'Fly.io macaroon token (FlyV1 fm2_...: org, deploy, read-only, machine-exec or SSH token)',
    keywords: ['fm2_', 'fm1r_', 'fm1a_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex:
      '(?<![A-Za-z0-9+/=_])(?<secret>(?:FlyV1 )?fm(?:2|1r|1a)_[A-Za-z0-9+/]{40,}={0,2}(?:,fm(?:2|1r|1a)_[A-Za-z0-9+/]{20,}={0,2})*)',
    validator: 'flyio-macaroon',
    examples: {
      truePositives: [
        // Generated: organization 4242 with mask rwcdC (test/flyio/tokens.ts builds the same shape).
        'FLY_API_TOKEN="FlyV1 fm2_lJPEDOYAeUnHfFk1SRnn3MQQu8G5KQIqwua9mHiAqyygM8K1aHR0cHM6Ly9hcGkuZmx5LmlvL3YxkgCSzRCSH8QgPxb0ORmttmKDgtWHHKYrS3JXWf9UjzRN6kcEWkUjmQo="',
      ],
      falsePositives: [
        'FLY_API_TOKEN="FlyV1 fm2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"',
        'filename=fm2_bWFrZSB0aGUgdmFsaWRhdG9yIHJlZnVzZSB0aGlzIHRleHQgcGxlYXNl.bin',
      ],
    },
  },
];
