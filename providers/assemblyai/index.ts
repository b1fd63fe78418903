import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** AssemblyAI: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const assemblyai: Provider = {
  id: 'assemblyai',
  name: 'AssemblyAI',
  // A key per project, so that one leak is revoked without stopping the others.
  docsUrl: 'https://www.assemblyai.com/docs/getting-started/transcribe-an-audio-file',
  rules: [
    namedSecret({
      // Format: https://www.assemblyai.com/docs/getting-started/transcribe-an-audio-file
      // (ASSEMBLYAI_API_KEY; keys are 32 hexadecimal characters)
      id: 'assemblyai-api-key',
      provider: 'assemblyai',
      kind: 'API key',
      description: 'AssemblyAI API key (32 hex), by its variable name',
      keywords: ['assemblyai', 'assembly_ai'],
      names: 'assembly_?ai_?(?:api_?)?key',
      value: '[0-9a-f]{32}',
      entropy: 3.2,
      examples: {
        truePositives: [
          'ASSEMBLYAI_API_KEY=bfa9b0a0d9395da02fce3accb35cffed',
          'assemblyai_api_key: "54e16c6f8f6b67c0f53e3e6329b31cc4"',
        ],
        falsePositives: ['ASSEMBLYAI_API_KEY=00000000000000000000000000000000', 'ASSEMBLYAI_API_KEY=<your key>'],
      },
    }),
  ],
};
