import type { Provider } from '../../src/core/provider.js';

/** Every OpenAI key holds the marker T3BlbkFJ with at least 20 characters on each side. */
const hasMarker = (token: string) => /^sk-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}$/.test(token);

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
      description: 'OpenAI API key (project, service account or legacy); all carry the T3BlbkFJ marker',
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
        ],
        falsePositives: [
          'OPENAI_API_KEY=sk-hwylo69VPw1gsBLwdUNlupZVQuZKaJhngySjEABI',
          'sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
};
