import type { Provider } from '../../src/core/provider.js';

/** PyPI: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const pypi: Provider = {
  id: 'pypi',
  name: 'PyPI',
  docsUrl: 'https://pypi.org/help/#apitoken',
  rules: [
    {
      // Format: https://pypi.org/help/#apitoken (tokens are prefixed pypi-; the macaroon that follows names pypi.org or test.pypi.org)
      id: 'pypi-api-token',
      provider: 'pypi',
      kind: 'API token',
      description: 'PyPI or TestPyPI API token (pypi-, a macaroon naming its index)',
      confidence: 'high',
      keywords: ['pypi-AgE'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>pypi-AgE[A-Za-z0-9_-]{60,400})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'password = pypi-AgEIcHlwaS5vcmcCJDz9bpggCuz7AFLAMD8TYW2d32PepBP1mjkQMCZ-X8WPxwpC8SHAX0PJJnWMrwcOUsP4pNzas-C38vrArZHr9nN2_qgFv7RTva_r_Yt0W3wBSQUG4QjxNzNLav40WoJzu990EEIKbw9r2zTcRI8JiTSo',
          'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwxE7cNFSlgH_x7kCx4QNsB9DGOy3EAsEAonYLr0dfkgmRaaDTb2WIKPv7EjW0wbMCILPB-ZdfAI7LD8CurKlJKvHpCHF-JH3r2JgfGmsxrPp6Kb5LKJjw-ml5',
        ],
        falsePositives: ['password = pypi-AgEIcHlwaS5vcmc...', 'password = pypi-token'],
      },
    },
  ],
};
