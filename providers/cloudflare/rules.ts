import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Cloudflare's credentials (developers.cloudflare.com/fundamentals/api/get-started/token-formats):
 * scannable `cfut_` user API tokens, `cfat_` account API tokens and `cfk_` Global API Keys, each 40
 * alphanumerics and an 8-hex CRC32 checksum (checked by the validator); and the pre-2026 forms, only
 * with context naming Cloudflare: 40-character API tokens and 37-hex Global API Keys.
 */
export const rules: RuleSpec[] = [
  {
    id: 'cloudflare-api-token',
    provider: 'cloudflare',
    confidence: 'high',
    kind: 'user API token',
    description: 'Cloudflare user API token (cfut_)',
    keywords: ['cfut_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![A-Za-z0-9_])(?<secret>cfut_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9_])',
    validator: 'cloudflare-checksum',
    examples: {
      truePositives: ['CLOUDFLARE_API_TOKEN=cfut_Xq3mB8vK2nT7pL9wR4yH6cJ1dF5gA0sZeU2iO8kMd4be6f7b'],
      falsePositives: ['CLOUDFLARE_API_TOKEN=cfut_Xq3mB8vK2nT7pL9wR4yH6cJ1dF5gA0sZeU2iO8kM00000000'],
    },
  },
  {
    id: 'cloudflare-account-token',
    provider: 'cloudflare',
    confidence: 'high',
    kind: 'account API token',
    description: 'Cloudflare account-owned API token (cfat_)',
    keywords: ['cfat_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![A-Za-z0-9_])(?<secret>cfat_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9_])',
    validator: 'cloudflare-checksum',
    examples: {
      truePositives: ['CF_ACCOUNT_TOKEN: cfat_N4rT8wQ2zL6xC1vB9mK3jH7gF5dS0aPyE2uI4oR639ad4474'],
      falsePositives: ['CF_ACCOUNT_TOKEN: cfat_N4rT8wQ2zL6xC1vB9mK3jH7gF5dS0aPyE2uI4oR6deadbeef'],
    },
  },
  {
    id: 'cloudflare-global-key',
    provider: 'cloudflare',
    confidence: 'high',
    kind: 'Global API Key',
    description: 'Cloudflare Global API Key (cfk_): full access of its user',
    keywords: ['cfk_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![A-Za-z0-9_])(?<secret>cfk_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9_])',
    validator: 'cloudflare-checksum',
    examples: {
      truePositives: ['CLOUDFLARE_API_KEY=cfk_Hd7Kq2Wm9Zx4Nc6Vb1Lp8Rt3Yg5Fs0JuEo2Ai4Sk47bc169e'],
      falsePositives: ['CLOUDFLARE_API_KEY=cfk_Hd7Kq2Wm9Zx4Nc6Vb1Lp8Rt3Yg5Fs0JuEo2Ai4Sk12345678'],
    },
  },
  {
    id: 'cloudflare-legacy-token',
    provider: 'cloudflare',
    confidence: 'context',
    kind: 'user API token (unprefixed)',
    description: 'Cloudflare API token from before 2026: 40 characters, named for Cloudflare',
    keywords: ['cloudflare', 'cf_api_token', 'cf_token'],
    // Not 40 lowercase hex: that is a git commit (`uses: cloudflare/wrangler-action@<sha>`).
    regex: '(?<![A-Za-z0-9_-])(?![a-f0-9]{40}(?![A-Za-z0-9_-]))(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])',
    entropy: 4,
    context: { pattern: 'cloudflare|\\bcf_(api_)?token\\b', withinLines: 1 },
    examples: {
      truePositives: ['CLOUDFLARE_API_TOKEN=Yq8Tz3Vn6Km1Pw9Rb4Xc7Hd2Lf5Gs0Ja-Ue_Wo3N'],
      falsePositives: [
        'commit=Yq8Tz3Vn6Km1Pw9Rb4Xc7Hd2Lf5Gs0Ja-Ue_Wo3N',
        'CLOUDFLARE_ZONE=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'uses: cloudflare/wrangler-action@da0e0dfe58b7a431659754fdf3f186c529afbe65',
      ],
    },
  },
  {
    id: 'cloudflare-legacy-global-key',
    provider: 'cloudflare',
    confidence: 'context',
    kind: 'Global API Key (unprefixed)',
    description: 'Cloudflare Global API Key from before 2026: 37 lowercase hex, named for Cloudflare',
    keywords: ['cloudflare', 'cf_api_key', 'x-auth-key'],
    regex: '(?<![A-Za-z0-9_])(?<secret>[a-f0-9]{37})(?![A-Za-z0-9_])',
    entropy: 3,
    context: { pattern: 'cloudflare|\\bcf_api_key\\b|x-auth-key', withinLines: 1 },
    examples: {
      truePositives: ['CLOUDFLARE_API_KEY=9f3c1a7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6'],
      falsePositives: [
        'CLOUDFLARE_ZONE_ID=9f3c1a7e5b2d8f4a6c0e9b1d3f5a7c9e',
        'API_KEY=9f3c1a7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6',
      ],
    },
  },
];
