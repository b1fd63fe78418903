import type { RuleSpec } from '../../src/core/rule.js';

/**
 * npm tokens: `npm_` + 36 base62 characters, the last six a CRC32 checksum (the same scheme as
 * GitHub's tokens: github.blog 2021-09-23). Before 2021 tokens were bare UUIDs, and private
 * registries (Verdaccio, Artifactory, Nexus) issue their own: those are taken only from an
 * `.npmrc` `_authToken=` line, whose syntax names npm (docs.npmjs.com/cli/configuring-npm/npmrc).
 */
export const rules: RuleSpec[] = [
  {
    id: 'npm-token',
    provider: 'npm',
    kind: 'access token',
    description: 'npm access token (npm_); can publish packages',
    confidence: 'high',
    keywords: ['npm_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>npm_[0-9A-Za-z]{36})\\b',
    entropy: 4,
    examples: {
      truePositives: ['//registry.npmjs.org/:_authToken=npm_G7kHxabIpudDSYaclXCMy2T5FVTNLL5tF4JT'],
      falsePositives: ['_authToken=npm_000000000000000000000000000000000000', 'run npm_config_cache'],
    },
  },
  {
    id: 'npm-authtoken',
    provider: 'npm',
    kind: 'registry token (classic or private registry)',
    description:
      'an .npmrc `_authToken=` value that is not npm_-prefixed: a legacy UUID token or a private registry token',
    confidence: 'context',
    keywords: ['_authToken'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    // Not `npm_` (the rule above), not `${NPM_TOKEN}` (a reference, not a secret).
    regex: ':_authToken\\s*=\\s*"?(?<secret>(?!npm_)[A-Za-z0-9][A-Za-z0-9._~+/=-]{19,511})',
    // A random UUID's Shannon entropy falls below 3.5 one time in twenty (hex and dashes): 3.0
    // keeps them all and still drops placeholders.
    entropy: 3,
    context: { pattern: '_authToken', withinLines: 0 },
    examples: {
      truePositives: [
        '//registry.npmjs.org/:_authToken=7d4c1f3e-9b2a-4e8d-a5f6-0c1b2d3e4f5a',
        '//npm.corp.example/artifactory/api/npm/npm/:_authToken=eyJ2ZXIiOiIyIiwidHlwIjoiSldUIiwiYWxnIjoiUlMy',
      ],
      falsePositives: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an .npmrc reference to the environment is the false positive tested here
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        '//registry.npmjs.org/:_authToken=npm_G7kHxabIpudDSYaclXCMy2T5FVTNLL5tF4JT',
        '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
