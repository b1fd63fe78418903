import type { Provider } from '../../src/core/provider.js';

export const huggingface: Provider = {
  id: 'huggingface',
  name: 'Hugging Face',
  docsUrl: 'https://huggingface.co/docs/hub/security-tokens',
  rules: [
    {
      id: 'huggingface-token',
      provider: 'huggingface',
      kind: 'access token',
      description: 'Hugging Face user access token (hf_)',
      confidence: 'high',
      keywords: ['hf_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>hf_[A-Za-z]{34})\\b',
      entropy: 3.8,
      examples: {
        truePositives: ['HF_TOKEN=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'],
        falsePositives: [
          'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'def hf_download_model_from_hub_repository_cache(): pass',
        ],
      },
    },
  ],
};
