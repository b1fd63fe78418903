import type { Provider } from '../../src/core/provider.js';

/** Atlassian: detection only (no harmless whoami: `unverifiable` says why); docsUrl says how to make a narrower credential. */
export const atlassian: Provider = {
  id: 'atlassian',
  name: 'Atlassian',
  docsUrl: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
  unverifiable:
    "an Atlassian API token is checked only with its account's email address (HTTP Basic email:token) at the customer's own site (<site>.atlassian.net); the token found carries neither, and tokenscope does not guess them",
  rules: [
    {
      // Format: https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/ (user API tokens begin ATATT)
      id: 'atlassian-api-token',
      provider: 'atlassian',
      kind: 'API token',
      description: 'Atlassian (Jira, Confluence, Bitbucket) API token (ATATT3)',
      confidence: 'high',
      keywords: ['ATATT3'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9_-])(?<secret>ATATT3[A-Za-z0-9_-]{170,210}=[0-9A-Fa-f]{8})(?![A-Za-z0-9_=-])',
      entropy: 4,
      examples: {
        truePositives: [
          'JIRA_API_TOKEN=ATATT3xFfGF0rDg29PqulUW6GMyIrfvjavLJvAJ6qeKbE7a2U_xlc05smB_buqTWoDnHBSJaC74rkDoK6jThxHCdMwxH9qlCFUaHawJVaKyFXSKLmtsw-m8wCHZnbtQoggAwthjL4zJFoencfTKubJjcwgzQ2WV07G7HL6QM_fdjOFYV8wTygFCxDDkn=9B04B0FE',
        ],
        falsePositives: ['JIRA_API_TOKEN=ATATT3xFfGF0...', 'ATATT3short=00000000'],
      },
    },
  ],
};
