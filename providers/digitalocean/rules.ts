import type { RuleSpec } from '../../src/core/rule.js';

/**
 * DigitalOcean's token prefixes (its OpenAPI security scheme): `dop_v1_` personal access token,
 * `doo_v1_` OAuth access token, `dor_v1_` OAuth refresh token, each followed by 64 lowercase hex.
 * Tokens made before the prefixes were bare 64-hex strings: only with context naming DigitalOcean.
 */
export const rules: RuleSpec[] = [
  {
    id: 'digitalocean-token',
    provider: 'digitalocean',
    confidence: 'high',
    kind: 'personal access token',
    description: 'DigitalOcean personal access token (dop_v1_)',
    keywords: ['dop_v1_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>dop_v1_[a-f0-9]{64})\\b',
    entropy: 3,
    examples: {
      truePositives: ['DIGITALOCEAN_TOKEN=dop_v1_a8368db260b210869c43bb52c624371ceb3f61a7171c50a82a8bed4d8430c773'],
      falsePositives: [
        `DIGITALOCEAN_TOKEN=dop_v1_${'0'.repeat(64)}`,
        'dop_v1_a8368db260b210869c43bb52c624371ceb3f61a7171c50a82a8bed4d8430c77',
      ],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    provider: 'digitalocean',
    confidence: 'high',
    kind: 'OAuth access token',
    description: 'DigitalOcean OAuth access token (doo_v1_)',
    keywords: ['doo_v1_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>doo_v1_[a-f0-9]{64})\\b',
    entropy: 3,
    examples: {
      truePositives: ['token: doo_v1_5c7e1a90f3b24d68a1e0c9b7d2f4a6e8b1c3d5f7a9e2b4c6d8f0a1b3c5d7e9f2'],
      falsePositives: [`token: doo_v1_${'ab'.repeat(32)}`],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    provider: 'digitalocean',
    confidence: 'high',
    kind: 'OAuth refresh token',
    description: 'DigitalOcean OAuth refresh token (dor_v1_)',
    keywords: ['dor_v1_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>dor_v1_[a-f0-9]{64})\\b',
    entropy: 3,
    examples: {
      truePositives: ['"refresh_token": "dor_v1_e2b9f4c1a7d3058b6e9c2f1a4d7b0e3c6f9a2d5b8e1c4f7a0d3b6e9c2f5a8d1b"'],
      falsePositives: [`"refresh_token": "dor_v1_${'f'.repeat(64)}"`],
    },
  },
  {
    id: 'digitalocean-legacy-token',
    provider: 'digitalocean',
    confidence: 'context',
    kind: 'personal access token (unprefixed)',
    description: 'DigitalOcean token from before the dop_v1_ prefix: 64 hex, named for DigitalOcean',
    keywords: ['digitalocean', 'digital_ocean', 'do_token', 'do_api_token', 'doctl'],
    regex: '(?<![A-Za-z0-9_])(?<secret>[a-f0-9]{64})(?![A-Za-z0-9_])',
    entropy: 3.2,
    context: {
      pattern: 'digital_?ocean|\\bdo_(api_)?(access_)?token\\b|doctl',
      withinLines: 1,
      pathPattern: '(^|/)\\.config/doctl/config\\.yaml$',
    },
    examples: {
      truePositives: [
        'DIGITALOCEAN_ACCESS_TOKEN=3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a',
        'export DO_TOKEN="9e7c5a3f1d2b4e6a8c0f9d7b5e3a1c2f4e6b8a0d9c7f5b3e1a2d4c6f8b0e9a7d"',
      ],
      falsePositives: [
        'sha256=3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a',
        '# digitalocean droplet\n\n\nchecksum: 3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a',
      ],
    },
  },
];
