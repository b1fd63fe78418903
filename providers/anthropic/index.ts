import type { Provider } from '../../src/core/provider.js';

export const anthropic: Provider = {
  id: 'anthropic',
  name: 'Anthropic',
  docsUrl: 'https://docs.anthropic.com/en/api/admin-api/apikeys/get-api-key',
  rules: [
    {
      id: 'anthropic-api-key',
      provider: 'anthropic',
      kind: 'API key',
      description: 'Anthropic API or admin key (sk-ant-)',
      confidence: 'high',
      keywords: ['sk-ant-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,120}AA)(?![A-Za-z0-9_-])',
      examples: {
        truePositives: [
          'ANTHROPIC_API_KEY=sk-ant-api03-Kw3OTgZgiCs7VNSzbgmVHnAsrirO9acUyDtYQHViYZC4x4uJnY35TiwOujUjbKic4btaqBEUS30bJlDsPmJRMNEYSdXP3AA',
        ],
        falsePositives: ['ANTHROPIC_API_KEY=sk-ant-api03-...'],
      },
    },
  ],
};
