import type { Provider } from '../../src/core/provider.js';

export const digitalocean: Provider = {
  id: 'digitalocean',
  name: 'DigitalOcean',
  docsUrl: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
  rules: [
    {
      id: 'digitalocean-token',
      provider: 'digitalocean',
      kind: 'access token',
      description: 'DigitalOcean personal access, OAuth or refresh token',
      confidence: 'high',
      keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>do[opr]_v1_[a-f0-9]{64})\\b',
      entropy: 3,
      examples: {
        truePositives: ['DIGITALOCEAN_TOKEN=dop_v1_a8368db260b210869c43bb52c624371ceb3f61a7171c50a82a8bed4d8430c773'],
        falsePositives: [`DIGITALOCEAN_TOKEN=dop_v1_${'0'.repeat(64)}`],
      },
    },
  ],
};
