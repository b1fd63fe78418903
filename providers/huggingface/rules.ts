import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Hugging Face tokens: `hf_` + 34 letters (user access tokens: read, write or fine-grained), and the
 * deprecated organization API tokens `api_org_` + 34 letters (huggingface.co/docs/hub/security-tokens;
 * gitleaks' huggingface rules). No checksum is published: an entropy floor stands in for one.
 */
export const rules: RuleSpec[] = [
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
  {
    id: 'huggingface-org-token',
    provider: 'huggingface',
    kind: 'organization API token (deprecated)',
    description: 'Hugging Face organization API token (api_org_), a deprecated kind',
    confidence: 'high',
    keywords: ['api_org_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>api_org_[A-Za-z]{34})\\b',
    entropy: 3.8,
    examples: {
      truePositives: ['HUGGINGFACE_ORG_TOKEN=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'],
      falsePositives: [
        'token = "api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        'def api_org_settings_for_the_current_user_page(): pass',
      ],
    },
  },
];
