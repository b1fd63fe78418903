import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** PagerDuty: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const pagerduty: Provider = {
  id: 'pagerduty',
  name: 'PagerDuty',
  docsUrl: 'https://support.pagerduty.com/main/docs/api-access-keys',
  rules: [
    {
      // Format: https://support.pagerduty.com/main/docs/api-access-keys (account and user API keys, 20 characters)
      id: 'pagerduty-api-key',
      provider: 'pagerduty',
      kind: 'REST API key',
      description: 'PagerDuty REST API key (20 characters; user keys begin u+), by its variable name',
      confidence: 'context',
      keywords: ['pagerduty', 'pd_api', 'pd_token'],
      keywordScope: 'line',
      regex:
        '(?:pagerduty_?(?:api_?)?(?:key|token)|pd_api_key|pd_token)["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+-])',
      flags: 'i',
      entropy: 3.5,
      examples: {
        truePositives: ['PAGERDUTY_TOKEN=u+Ca1SISwvo_YtUzAmQd', 'PAGERDUTY_API_KEY="HUkqRRUNCfIyzpX80G5A"'],
        falsePositives: ['PAGERDUTY_API_KEY=xxxxxxxxxxxxxxxxxxxx', 'PAGERDUTY_API_KEY=$PAGERDUTY_API_KEY'],
      },
    },
  ],
  ...verifiedBy('PagerDuty', verify),
};
