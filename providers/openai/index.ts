import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { assessOpenAI, remediateOpenAI } from './risks.js';

/** Every OpenAI key holds the marker T3BlbkFJ with at least 20 characters on each side. */
const hasMarker = (token: string) => /^sk-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}$/.test(token);

const inspector = lazily(() => import('./inspect.js'));

export const openai: Provider = {
  id: 'openai',
  validators: { 'openai-marker': hasMarker },
  name: 'OpenAI',
  docsUrl: 'https://platform.openai.com/docs/api-reference/authentication',
  rules: [
    {
      id: 'openai-api-key',
      provider: 'openai',
      kind: 'API key',
      description: 'OpenAI API key (admin, project, service account or legacy); all carry the T3BlbkFJ marker',
      confidence: 'high',
      keywords: ['T3BlbkFJ'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9_-])(?<secret>sk-(?=(?<body>[A-Za-z0-9_-]{40,420}))\\k<body>)(?![A-Za-z0-9_-])',
      // The marker is checked after the match, not inside the regex, so nothing backtracks to find it.
      validator: 'openai-marker',
      examples: {
        truePositives: [
          'OPENAI_API_KEY=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',
          'key = "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"',
          'OPENAI_ADMIN_KEY=sk-admin-Qm7Rt2Wx9Lp4Zc8Vb1Nk5Hs3Jd6Fg0YaTe2Ui7Oq4Pw9Xr1Ml5Kn8Bv3Cz6T3BlbkFJr4Yt8Ue2Wi6Oq0Pa3Sd7Fg1Hj5Kl9Zx2Cv6Bn0Mq4We8Rt3Ty7Ui1Op5As9Df2Gh6Jk0Lz',
          'OPENAI_KEY=sk-svcacct-Vb3Nm7Qw1Er5Ty9Ui2Op6As0Df4Gh8Jk1Lz5Xc9Vb3Nm7Qw1Er5Ty9Ui2Op6T3BlbkFJAs0Df4Gh8Jk1Lz5Xc9Vb3Nm7Qw1Er5Ty9Ui2Op6As0Df4Gh8Jk1Lz5Xc9Vb3Nm7Qw1E',
        ],
        falsePositives: [
          'OPENAI_API_KEY=sk-hwylo69VPw1gsBLwdUNlupZVQuZKaJhngySjEABI',
          'sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
  endpoint: { default: 'https://api.openai.com', flag: 'openai-api-url', env: ['TOKENSCOPE_OPENAI_API_URL'] },
  // Any key: the model list (no cost). An admin key: the projects and members listings. Never the
  // admin or project key listings (they show other keys' redacted values), audit logs, costs, or
  // any POST (model calls spend money; admin POSTs create keys and invite members).
  operations: [
    { method: 'GET', path: '/v1/models' },
    { method: 'GET', path: '/v1/organization/projects' },
    { method: 'GET', path: '/v1/organization/users' },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectOpenAI(credential, ctx),
  assess: assessOpenAI,
  remediation: remediateOpenAI,
};
