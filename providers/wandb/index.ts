import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Weights & Biases: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const wandb: Provider = {
  id: 'wandb',
  name: 'Weights & Biases',
  // A service account's key reaches one team, not every project its user can see.
  docsUrl: 'https://docs.wandb.ai/guides/hosting/iam/authentication/service-accounts/',
  rules: [
    namedSecret({
      // Format: https://docs.wandb.ai/guides/track/environment-variables/ (WANDB_API_KEY, 40
      // hexadecimal characters; `wandb login` writes it to ~/.netrc for api.wandb.ai)
      id: 'wandb-api-key',
      provider: 'wandb',
      kind: 'API key',
      description: 'Weights & Biases API key (40 hex), by its variable name',
      keywords: ['wandb'],
      names: 'wandb_?api_?key',
      value: '[0-9a-f]{40}',
      entropy: 3.2,
      examples: {
        truePositives: [
          'WANDB_API_KEY=3ca093d3e0136f3fb00b582813d40cdd4777effb',
          'export WANDB_API_KEY="436d2f6cb3fa20a660225ec1ef224683a630e09c"',
        ],
        falsePositives: [
          'WANDB_API_KEY=0000000000000000000000000000000000000000',
          'WANDB_PROJECT=4edee0834afb348a2b349e40be2b828900009aca',
        ],
      },
    }),
  ],
};
