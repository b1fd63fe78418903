import type { RuleSpec } from '../../src/core/rule.js';

/** The checksummed `gh?_` formats: prefix, 30 random base62 characters, 6 of CRC32. */
function checksummed(prefix: string, id: string, kind: string, tp: string, tpOther: string): RuleSpec {
  return {
    id,
    provider: 'github',
    kind,
    description: `GitHub ${kind} (${prefix}_), checksum validated`,
    confidence: 'high',
    keywords: [`${prefix}_`],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: `\\b(?<secret>${prefix}_[0-9A-Za-z]{36})\\b`,
    validator: 'github-checksum',
    examples: {
      truePositives: [`GITHUB_TOKEN=${tp}`, `token: "${tpOther}"`],
      falsePositives: [
        // checksum of the last six characters does not match
        `GITHUB_TOKEN=${tp.slice(0, -1)}${tp.endsWith('A') ? 'B' : 'A'}`,
        `GITHUB_TOKEN=${prefix}_${'x'.repeat(36)}`,
        `GITHUB_TOKEN=${tp} # tokenscope:allow`,
      ],
    },
  };
}

export const rules: RuleSpec[] = [
  checksummed(
    'ghp',
    'github-pat-classic',
    'personal access token (classic)',
    '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',
    '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',
  ),
  checksummed(
    'gho',
    'github-oauth',
    'OAuth app user token',
    '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',
    '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',
  ),
  checksummed(
    'ghu',
    'github-app-user',
    'GitHub App user-to-server token',
    'ghu_81qjCfih6YKGQodMIsKEJzbGaqIdMS390jZV',
    'ghu_cPZkzEX85YEXQhyccSUMR0ZmiYFYyk39xNn4',
  ),
  checksummed(
    'ghs',
    'github-app-installation',
    'GitHub App installation token',
    'ghs_YnI78nOhsTyBGn9VcBnvMgIMOZ5NpE1smOw1',
    'ghs_b4keHGOKza577lindbYFzCtgjG9qBK173Dfe',
  ),
  checksummed(
    'ghr',
    'github-refresh',
    'refresh token',
    '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',
    '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',
  ),
  {
    id: 'github-pat-fine-grained',
    provider: 'github',
    kind: 'fine-grained personal access token',
    description: 'GitHub fine-grained personal access token (github_pat_); no public checksum, so an entropy floor',
    confidence: 'high',
    keywords: ['github_pat_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59,221})\\b',
    entropy: 4.5,
    examples: {
      truePositives: [
        'GH_PAT=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',
      ],
      falsePositives: [
        `GH_PAT=github_pat_${'a'.repeat(22)}_${'b'.repeat(59)}`,
        'GH_PAT=github_pat_11ABCDEFG0123456789abc_abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghi',
      ],
    },
  },
];
