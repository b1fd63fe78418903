import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Doppler: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const doppler: Provider = {
  id: 'doppler',
  name: 'Doppler',
  docsUrl: 'https://docs.doppler.com/docs/service-tokens',
  rules: [
    {
      // Format: https://docs.doppler.com/reference/auth-token-formats (dp.<type>. then 40 to 44 alphanumerics; service tokens may carry the config name)
      id: 'doppler-token',
      provider: 'doppler',
      kind: 'token',
      description: 'Doppler personal, service, CLI, service account, SCIM or audit token (dp.pt., dp.st., ...)',
      confidence: 'high',
      keywords: ['dp.'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex:
        '\\b(?<secret>dp\\.(?:pt|st|ct|sa|scim|audit)\\.(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9])',
      entropy: 3.8,
      examples: {
        truePositives: [
          'DOPPLER_TOKEN=dp.st.prd.Dw3oIxiIpmplDxKoHcR5kPBR8u8iIiQuipe4WwOKSGK',
          'DOPPLER_TOKEN=dp.pt.a7GGY3OTJz6J7krgzrwM2uegUTZfm88MMacWJoeuvCr',
        ],
        falsePositives: ['DOPPLER_TOKEN=dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dp.pt.example'],
      },
    },
  ],
  ...verifiedBy('Doppler', verify),
};
