import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { ADMIN_API_DOCS_URL } from './model.js';
import { assessAnthropic, remediateAnthropic } from './risks.js';

const inspector = lazily(() => import('./inspect.js'));

export const anthropic: Provider = {
  id: 'anthropic',
  name: 'Anthropic',
  docsUrl: ADMIN_API_DOCS_URL,
  rules: [
    {
      id: 'anthropic-api-key',
      provider: 'anthropic',
      kind: 'API key',
      description: 'Anthropic API or admin key (sk-ant-)',
      confidence: 'high',
      keywords: ['sk-ant-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,120}AA)(?![A-Za-z0-9_-])',
      examples: {
        truePositives: [
          'ANTHROPIC_API_KEY=sk-ant-api03-Kw3OTgZgiCs7VNSzbgmVHnAsrirO9acUyDtYQHViYZC4x4uJnY35TiwOujUjbKic4btaqBEUS30bJlDsPmJRMNEYSdXP3AA',
          'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-Qm7Rt2Wx9Lp4Zc8Vb1Nk5Hs3Jd6Fg0YaTe2Ui7Oq4Pw9Xr1Ml5Kn8Bv3Cz6Yt8Ue2Wi6Oq0Pa3Sd7Fg1Hj5Kl9Zx2Cv6Bn0AA',
        ],
        falsePositives: ['ANTHROPIC_API_KEY=sk-ant-api03-...'],
      },
    },
    {
      id: 'anthropic-oauth-token',
      provider: 'anthropic',
      kind: 'OAuth token',
      description: 'Claude subscription OAuth access or refresh token (sk-ant-oat01-, sk-ant-ort01-)',
      confidence: 'high',
      keywords: ['sk-ant-oat', 'sk-ant-ort'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      // The body is taken whole by a lookahead (no backtracking into it), as OpenAI's rule does.
      regex: '\\b(?<secret>sk-ant-o[ar]t\\d{2}-(?=(?<body>[A-Za-z0-9_-]{40,200}))\\k<body>)(?![A-Za-z0-9_-])',
      entropy: 3.5,
      examples: {
        truePositives: ['CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0Yg5ZeXk3pR8mQ2vT7nL4wZ9cB1h'],
        falsePositives: ['CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-<your token>', `sk-ant-ort01-${'a'.repeat(48)}`],
      },
    },
  ],
  endpoint: { default: 'https://api.anthropic.com', flag: 'anthropic-api-url', env: ['TOKENSCOPE_ANTHROPIC_API_URL'] },
  // An API key: the model list (no cost). An admin key: the organization, its workspaces, and
  // whether members and keys may be listed (contents never kept). Never POST /v1/messages (it
  // costs money), nor any Admin API POST (keys, invites, workspaces).
  operations: [
    { method: 'GET', path: '/v1/models' },
    { method: 'GET', path: '/v1/organizations/me' },
    { method: 'GET', path: '/v1/organizations/workspaces' },
    { method: 'GET', path: '/v1/organizations/users' },
    { method: 'GET', path: '/v1/organizations/api_keys' },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectAnthropic(credential, ctx),
  assess: assessAnthropic,
  remediation: remediateAnthropic,
};
