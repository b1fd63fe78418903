import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

// Format: https://docs.langchain.com/langsmith/create-account-api-key (personal access tokens and
// service keys; keys read lsv2_pt_ or lsv2_sk_, 32 hexadecimal characters, _, 10 more).
const lsv2 = (type: string, kind: string, id: string, sample: string) =>
  prefixedToken({
    id: `langsmith-${id}`,
    provider: 'langsmith',
    kind,
    description: `LangSmith ${kind} (lsv2_${type}_)`,
    prefix: `lsv2_${type}_`,
    body: '[0-9a-f]{32}_[0-9a-f]{10}',
    entropy: 3.2,
    examples: {
      truePositives: [`LANGSMITH_API_KEY=${sample}`, `LANGCHAIN_API_KEY="${sample}"`],
      falsePositives: [
        `LANGSMITH_API_KEY=lsv2_${type}_...`,
        `lsv2_${type}_00000000000000000000000000000000_0000000000`,
      ],
    },
  });

/** LangSmith: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const langsmith: Provider = {
  id: 'langsmith',
  name: 'LangSmith',
  // Service keys can be limited to some workspaces, with a role and an expiry.
  docsUrl: 'https://docs.langchain.com/langsmith/create-account-api-key',
  rules: [
    lsv2('pt', 'personal access token', 'pat', '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'),
    lsv2('sk', 'service key', 'service-key', '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'),
  ],
};
