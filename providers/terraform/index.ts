import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** HCP Terraform: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const terraform: Provider = {
  id: 'terraform',
  name: 'HCP Terraform',
  docsUrl: 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
  rules: [
    {
      // Format: https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens (an id, .atlasv1., then the secret)
      id: 'terraform-cloud-token',
      provider: 'terraform',
      kind: 'API token',
      description: 'HCP Terraform / Terraform Cloud user, team or organization API token (.atlasv1.)',
      confidence: 'high',
      keywords: ['atlasv1'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])',
      entropy: 4,
      examples: {
        truePositives: [
          'token = "86QPQuK18mkepI.atlasv1.VChCDQbC1UzQNZVDKK-a0trjQBqLODtPVIQxxY_l1Hl2cvlPYL0YpJIejwNeVv9TQjF"',
          'TF_TOKEN_app_terraform_io=vp3oh4hiRFBZsr.atlasv1.ShIG7dixqTeTwFVPQsamH5fqEQsAfZMMBq57x8bA34egVQgJbh0PJfP4wx-Dv3TUSaZ',
        ],
        falsePositives: [
          'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
          'token = "abc.atlasv1.short"',
        ],
      },
    },
  ],
  ...verifiedBy('HCP Terraform', verify),
};
