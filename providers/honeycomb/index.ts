import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Honeycomb: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const honeycomb: Provider = {
  id: 'honeycomb',
  name: 'Honeycomb',
  docsUrl: 'https://docs.honeycomb.io/get-started/configure/environments/manage-api-keys/',
  rules: [
    {
      // Format: https://docs.honeycomb.io/get-started/configure/environments/manage-api-keys/ (ingest keys hcaik_/hcxik_, management keys hcamk_/hcxmk_)
      id: 'honeycomb-api-key',
      provider: 'honeycomb',
      kind: 'ingest or management key',
      description: 'Honeycomb ingest or management API key (hcaik_, hcxik_, hcamk_, hcxmk_)',
      confidence: 'high',
      keywords: ['hcaik', 'hcxik', 'hcamk', 'hcxmk'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>hc[ax](?:ik|mk)_[a-z0-9]{26,80})\\b',
      entropy: 3.8,
      examples: {
        truePositives: ['HONEYCOMB_API_KEY=hcaik_26e9jur1v2z43ax9b96sxz6t0wbyf4eyv014apduh5110wmkzc1hfybife'],
        falsePositives: [
          'HONEYCOMB_API_KEY=hcaik_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'hcaik_short',
        ],
      },
    },
  ],
  ...verifiedBy('Honeycomb', verify),
};
