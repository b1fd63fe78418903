import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** CircleCI: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const circleci: Provider = {
  id: 'circleci',
  name: 'CircleCI',
  docsUrl: 'https://circleci.com/docs/managing-api-tokens/',
  rules: [
    {
      // Format: https://circleci.com/changelog/new-format-for-api-access-tokens/ (CCIPAT_ or CCIPRJ_, a base58 UUID, _, 40 hex characters)
      id: 'circleci-api-token',
      provider: 'circleci',
      kind: 'API token',
      description: 'CircleCI personal or project API token (CCIPAT_, CCIPRJ_)',
      confidence: 'high',
      keywords: ['CCIP'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>CCIP(?:AT|RJ)_[1-9A-HJ-NP-Za-km-z]{20,23}_[0-9a-f]{40})\\b',
      entropy: 4,
      examples: {
        truePositives: [
          'CIRCLE_TOKEN=CCIPAT_8sia6CCKCekUksVgFR6eKF_00cdaa13acf0e0d95700987c8ab7bda63a42643c',
          'token: CCIPRJ_f5UYdW1hmYoeH7b2i2xCfW_9b8e8108e9c92ef12fcf326f6201a5fc6af65b90',
        ],
        falsePositives: [
          'CIRCLE_TOKEN=CCIPAT_xxxx',
          'CIRCLE_TOKEN=CCIPAT_1111111111111111111111_0000000000000000000000000000000000000000',
        ],
      },
    },
    {
      // Format: https://circleci.com/docs/managing-api-tokens/ (older tokens were a 40-character hex string)
      id: 'circleci-legacy-token',
      provider: 'circleci',
      kind: 'API token',
      description: 'CircleCI API token in its older form (40 hex characters), by its variable name',
      confidence: 'context',
      keywords: ['circle'],
      keywordScope: 'line',
      regex: 'circle_?(?:ci_?)?(?:api_?)?token["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[0-9a-f]{40})\\b',
      flags: 'i',
      entropy: 3.3,
      examples: {
        truePositives: [
          'CIRCLE_TOKEN=ece80c7a809e4c04a713c900110f700062ae7324',
          'circleci_api_token: "7035b9d6cb30c7cbc82171f65371c566d38760e3"',
        ],
        falsePositives: ['CIRCLE_TOKEN=0000000000000000000000000000000000000000', 'CIRCLE_TOKEN=$CIRCLE_TOKEN'],
      },
    },
  ],
  ...verifiedBy('CircleCI', verify),
};
