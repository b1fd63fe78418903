import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Prefect Cloud: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const prefect: Provider = {
  id: 'prefect',
  name: 'Prefect Cloud',
  // A service account's key carries only its workspace role; a user's key carries the user's.
  docsUrl: 'https://docs.prefect.io/v3/manage/cloud/manage-users/service-accounts',
  rules: [
    prefixedToken({
      // Format: https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys (PREFECT_API_KEY; user
      // API keys begin pnu_, then 36 letters and digits)
      id: 'prefect-api-key',
      provider: 'prefect',
      kind: 'user API key',
      description: 'Prefect Cloud user API key (pnu_)',
      prefix: 'pnu_',
      body: '[A-Za-z0-9]{36}',
      entropy: 4,
      examples: {
        truePositives: ['PREFECT_API_KEY=pnu_5B08Q8rj7hoes8Amq8Bt40TxS3jO1Zt4xbec'],
        falsePositives: ['PREFECT_API_KEY=pnu_...', 'pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      },
    }),
    prefixedToken({
      // Format: https://docs.prefect.io/v3/manage/cloud/manage-users/service-accounts (service
      // account API keys begin pnb_, then 36 letters and digits)
      id: 'prefect-service-account-key',
      provider: 'prefect',
      kind: 'service account API key',
      description: 'Prefect Cloud service account API key (pnb_)',
      prefix: 'pnb_',
      body: '[A-Za-z0-9]{36}',
      entropy: 4,
      examples: {
        truePositives: ['PREFECT_API_KEY=pnb_7yHq2LmZc4tR9pXw3KdV8nB1sF6gJ0aQeUoT'],
        falsePositives: ['PREFECT_API_KEY=pnb_<key>', 'pnb_short'],
      },
    }),
  ],
};
