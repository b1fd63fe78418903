import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** Figma: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const figma: Provider = {
  id: 'figma',
  name: 'Figma',
  docsUrl: 'https://www.figma.com/developers/api#access-tokens',
  rules: [
    {
      // Format: https://www.figma.com/developers/api#access-tokens (personal access tokens begin figd_)
      id: 'figma-token',
      provider: 'figma',
      kind: 'personal access token',
      description: 'Figma personal access token (figd_)',
      confidence: 'high',
      keywords: ['figd_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>figd_[A-Za-z0-9_-]{38,45})(?![A-Za-z0-9_-])',
      entropy: 3.8,
      examples: {
        truePositives: ['FIGMA_TOKEN=figd_lJqee6rzovofgUPBS8ED8nHVJG7yjVvs8pzS3BeA'],
        falsePositives: ['FIGMA_TOKEN=figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'figd_short'],
      },
    },
  ],
  ...verifiedBy('Figma', verify),
};
