import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Notion: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const notion: Provider = {
  id: 'notion',
  name: 'Notion',
  docsUrl: 'https://developers.notion.com/docs/authorization',
  rules: [
    {
      // Format: https://developers.notion.com/docs/authorization (internal integration secrets; new ones begin ntn_)
      id: 'notion-token',
      provider: 'notion',
      kind: 'integration token',
      description: 'Notion internal integration token (ntn_)',
      confidence: 'high',
      keywords: ['ntn_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})\\b',
      entropy: 3.8,
      examples: {
        truePositives: ['NOTION_TOKEN=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'],
        falsePositives: ['NOTION_TOKEN=ntn_00000000000xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ntn_token'],
      },
    },
    {
      // Format: https://developers.notion.com/docs/authorization (older internal integration secrets begin secret_)
      id: 'notion-legacy-token',
      provider: 'notion',
      kind: 'integration token',
      description: 'Notion integration token in its older form (secret_ and 43 characters) near the word Notion',
      confidence: 'context',
      keywords: ['notion'],
      keywordScope: 'fragment',
      regex: '\\b(?<secret>secret_[A-Za-z0-9]{43})\\b',
      entropy: 3.8,
      context: { pattern: 'notion', withinLines: 1 },
      examples: {
        truePositives: ['NOTION_API_KEY=secret_aXJOSDWqzCGq5xTT05KPhlLf0ISkHBH9DPEhMCddPAk'],
        falsePositives: [
          'CLIENT=secret_LDCvZOj5JxwRh4YOQPY97FDfIW1kZt0IM05MhlEvqOC',
          'NOTION_API_KEY=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
  ...verifiedBy('Notion', verify),
};
