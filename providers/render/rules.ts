import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Render API keys start with rnd_; their length and alphabet are not published (scanners use
 * 32 alphanumerics), so a range and an entropy floor stand in for a checksum.
 */
export const rules: RuleSpec[] = [
  {
    id: 'render-api-key',
    provider: 'render',
    confidence: 'high',
    kind: 'API key',
    description: 'Render API key (rnd_)',
    keywords: ['rnd_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>rnd_[A-Za-z0-9]{24,64})\\b',
    entropy: 3.5,
    examples: {
      truePositives: [
        'RENDER_API_KEY=rnd_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc',
        'api_key: "rnd_h8Kd2Lp5Nq9Rs3Tv7Wx1Yz4Ab6Cd0Ef2G"',
      ],
      falsePositives: [
        `RENDER_API_KEY=rnd_${'x'.repeat(32)}`,
        'const rnd_seed = 42',
        'RENDER_API_KEY=rnd_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc # tokenscope:allow',
      ],
    },
  },
];
