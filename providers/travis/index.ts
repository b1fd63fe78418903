import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Travis CI: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const travis: Provider = {
  id: 'travis',
  name: 'Travis CI',
  docsUrl: 'https://docs.travis-ci.com/user/triggering-builds/',
  rules: [
    {
      // Format: https://docs.travis-ci.com/user/triggering-builds/ (the token shown in the account settings, sent as "Authorization: token ...")
      id: 'travis-api-token',
      provider: 'travis',
      kind: 'API token',
      description: 'Travis CI API token (22 characters), by its variable name',
      confidence: 'context',
      keywords: ['travis'],
      keywordScope: 'line',
      regex:
        'travis_?(?:ci_?)?(?:api_?)?token["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])',
      flags: 'i',
      entropy: 3.5,
      examples: {
        truePositives: ['TRAVIS_API_TOKEN=2UsFfUtVHri20ua-Fi2xCp'],
        falsePositives: ['TRAVIS_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxx', 'TRAVIS_API_TOKEN=$TRAVIS_API_TOKEN'],
      },
    },
  ],
  ...verifiedBy('Travis CI', verify),
};
