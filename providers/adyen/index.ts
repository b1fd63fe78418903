import type { Provider } from '../../src/core/provider.js';

/** Adyen: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const adyen: Provider = {
  id: 'adyen',
  name: 'Adyen',
  docsUrl: 'https://docs.adyen.com/development-resources/api-credentials/',
  rules: [
    {
      // Format: https://docs.adyen.com/development-resources/api-credentials/#generate-api-key (API keys begin AQE; base64 parts joined by -)
      id: 'adyen-api-key',
      provider: 'adyen',
      kind: 'API key',
      description: 'Adyen API key of an API credential (AQE...)',
      confidence: 'high',
      keywords: ['AQE'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9+/])(?<secret>AQE[A-Za-z0-9+/]{50,200}={0,2}-[A-Za-z0-9+/]{43}=)',
      entropy: 4,
      examples: {
        truePositives: [
          'ADYEN_API_KEY=AQEg9tXcWHkP/NchjeefbU6pj7krIlsOzAY2+16K4bd+Bc7k03onqC3pJRVvJ++6al8/ynB4vAO24INna72F96b6IRIsJ==-vN4WqLhjqK9ETYGknppZMaMEtBRlsTEBt8cSfiR6rB/=-EUkksqZeKf85pF11',
        ],
        falsePositives: ['ADYEN_API_KEY=AQE...', 'AQExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      },
    },
  ],
};
