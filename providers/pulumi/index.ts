import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Pulumi Cloud: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const pulumi: Provider = {
  id: 'pulumi',
  name: 'Pulumi Cloud',
  docsUrl: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
  rules: [
    {
      // Format: https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/ (PULUMI_ACCESS_TOKEN, pul- followed by 40 hex characters)
      id: 'pulumi-access-token',
      provider: 'pulumi',
      kind: 'access token',
      description: 'Pulumi Cloud access token (pul-)',
      confidence: 'high',
      keywords: ['pul-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>pul-[0-9a-f]{40})\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['PULUMI_ACCESS_TOKEN=pul-8209842f7a9b3b932691d4a317529625af75404d'],
        falsePositives: ['PULUMI_ACCESS_TOKEN=pul-0000000000000000000000000000000000000000', 'git pull-request'],
      },
    },
  ],
  ...verifiedBy('Pulumi Cloud', verify),
};
