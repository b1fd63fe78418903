import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/** ElevenLabs: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const elevenlabs: Provider = {
  id: 'elevenlabs',
  name: 'ElevenLabs',
  docsUrl: 'https://elevenlabs.io/docs/api-reference/authentication',
  rules: [
    {
      // Format: https://elevenlabs.io/docs/api-reference/authentication (the xi-api-key header; ELEVENLABS_API_KEY)
      id: 'elevenlabs-api-key',
      provider: 'elevenlabs',
      kind: 'API key',
      description: 'ElevenLabs API key (sk_ and 48 hex) near the word ElevenLabs or xi-api-key',
      confidence: 'context',
      keywords: ['eleven', 'xi-api', 'xi_api'],
      keywordScope: 'fragment',
      regex: '\\b(?<secret>sk_[0-9a-f]{48})\\b',
      entropy: 3.3,
      context: { pattern: 'eleven_?labs|xi-api-key|xi_api_key', withinLines: 1 },
      examples: {
        truePositives: [
          'ELEVENLABS_API_KEY=sk_b89838b0da976dac3604525958b3561c2b6b447b2a01d433',
          'headers: { "xi-api-key": "sk_0a2946cd72d02422739979a1354e169be6e1e55c9360d774" }',
        ],
        falsePositives: [
          'API_KEY=sk_15dcc943a686f80c356aa3d413cb17303c971a1011af8213',
          'ELEVENLABS_API_KEY=sk_000000000000000000000000000000000000000000000000',
        ],
      },
    },
  ],
  ...verifiedBy('ElevenLabs', verify),
};
