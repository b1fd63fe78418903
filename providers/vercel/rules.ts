import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Vercel's prefixed tokens (vcp_ personal, vci_ integration, vca_ app access, vcr_ app refresh,
 * vck_ API key: vercel.com/changelog/new-token-formats-and-secret-scanning). Their length and
 * alphabet are not published: a generous length range and an entropy floor stand in for a
 * checksum. Older tokens are 24 bare alphanumerics, taken only with a name saying Vercel.
 */
export const rules: RuleSpec[] = [
  {
    id: 'vercel-token',
    provider: 'vercel',
    confidence: 'high',
    kind: 'access token',
    description: 'Vercel personal, integration, app or API-key token (vcp_, vci_, vca_, vcr_, vck_)',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>vc[picrk]_[A-Za-z0-9]{24,96})\\b',
    entropy: 3.5,
    examples: {
      truePositives: [
        'VERCEL_TOKEN=vcp_4xQm9TzK2bLw7RvN1cHs8YdJ3fPa6GeU0kWqZr5tXyBn',
        'token: "vci_Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0Yg5Ze"',
        'VERCEL_APP_REFRESH=vcr_9fK2mQ7xR4tW1zL8cV3nB6hJ5sD0gPaY',
      ],
      falsePositives: [
        `VERCEL_TOKEN=vcp_${'a'.repeat(40)}`,
        'import { vcp_helpers } from "./lib"',
        'VERCEL_TOKEN=vcp_4xQm9TzK2bLw7RvN1cHs8YdJ3fPa6GeU0kWqZr5tXyBn # tokenscope:allow',
      ],
    },
  },
  {
    id: 'vercel-legacy-token',
    provider: 'vercel',
    confidence: 'context',
    kind: 'access token (legacy)',
    description: 'Vercel token from before prefixes: 24 alphanumerics, named for Vercel',
    keywords: ['vercel', 'now_token'],
    regex: '\\b(?<secret>[A-Za-z0-9]{24})\\b',
    entropy: 3.5,
    context: { pattern: 'vercel|now_token', withinLines: 0 },
    examples: {
      truePositives: ['VERCEL_TOKEN=Xk3pR8mQ2vT7nL4wZ9cB1hJ6', 'export VERCEL_API_TOKEN="aB3dE5gH7jK9mN1pQ3sT5vW7"'],
      falsePositives: [
        'VERCEL_PROJECT_ID=prj_Xk3pR8mQ2vT7nL4wZ9cB1hJ6Ab',
        'BUILD_ID=Xk3pR8mQ2vT7nL4wZ9cB1hJ6',
        'VERCEL_TOKEN=aaaaaaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
];
