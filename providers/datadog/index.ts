import type { Provider } from '../../src/core/provider.js';

/** Datadog: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const datadog: Provider = {
  id: 'datadog',
  name: 'Datadog',
  docsUrl: 'https://docs.datadoghq.com/account_management/api-app-keys/',
  unverifiable:
    "Datadog's key check answers only for API keys, and this rule cannot tell an API key from an application key",
  rules: [
    {
      // Format: https://docs.datadoghq.com/account_management/api-app-keys/ (DD_API_KEY, DD_APP_KEY / DD_APPLICATION_KEY)
      id: 'datadog-api-key',
      provider: 'datadog',
      kind: 'API or application key',
      description: 'Datadog API key (32 hex) or application key (40 hex), by its variable name',
      confidence: 'context',
      keywords: ['dd_ap', 'datadog_ap'],
      keywordScope: 'line',
      regex:
        '(?:dd|datadog)_(?:api|app|application)_key["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[0-9a-f]{40}|[0-9a-f]{32})(?![0-9a-z])',
      flags: 'i',
      entropy: 3.3,
      examples: {
        truePositives: [
          'DD_API_KEY=ca515f3d5ac326f2a91851da3edddcb2',
          'datadog_app_key: "e0ff10a7ac08cb98c40b242e966808c8f1ea4b58"',
        ],
        falsePositives: ['DD_API_KEY=00000000000000000000000000000000', 'DD_API_KEY=<DATADOG_API_KEY>'],
      },
    },
  ],
};
