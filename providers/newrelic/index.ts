import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** New Relic: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const newrelic: Provider = {
  id: 'newrelic',
  name: 'New Relic',
  docsUrl: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
  rules: [
    {
      // Format: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/ (user keys begin NRAK-)
      id: 'newrelic-user-api-key',
      provider: 'newrelic',
      kind: 'user API key',
      description: 'New Relic user API key (NRAK-), for NerdGraph',
      confidence: 'high',
      keywords: ['NRAK-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>NRAK-[A-Z0-9]{27})\\b',
      entropy: 3.8,
      examples: {
        truePositives: ['NEW_RELIC_API_KEY=NRAK-VCZURLG3NYPPJ5MJ9K3BEYOT5KB'],
        falsePositives: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'NRAK-SHORT'],
      },
    },
    {
      // Format: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key (40 characters; newer keys end in NRAL)
      id: 'newrelic-license-key',
      provider: 'newrelic',
      kind: 'license (ingest) key',
      description: 'New Relic ingest license key (40 characters ending NRAL)',
      confidence: 'high',
      keywords: ['NRAL'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>[0-9a-f]{36}NRAL)\\b',
      entropy: 3.3,
      examples: {
        truePositives: ['NEW_RELIC_LICENSE_KEY=cee398724c55e6967a211881fd0525969b9bNRAL'],
        falsePositives: ['NEW_RELIC_LICENSE_KEY=000000000000000000000000000000000000NRAL', 'NRAL'],
      },
    },
    {
      // Format: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#insights-insert-key (insert keys begin NRII-)
      id: 'newrelic-insert-key',
      provider: 'newrelic',
      kind: 'insights insert key',
      description: 'New Relic Insights insert key (NRII-)',
      confidence: 'high',
      keywords: ['NRII-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>NRII-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])',
      entropy: 3.8,
      examples: {
        truePositives: ['NEW_RELIC_INSERT_KEY=NRII-V5OOi7Mp5qV_4BLuqN2DbP69g9Z60d9U'],
        falsePositives: ['NEW_RELIC_INSERT_KEY=NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'NRII-short'],
      },
    },
  ],
  ...verifiedBy('New Relic', verify),
};
