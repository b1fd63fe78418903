import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** NVIDIA: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const nvidia: Provider = {
  id: 'nvidia',
  name: 'NVIDIA API catalog / NGC',
  // NGC personal keys can be limited to some services (NGC catalog, cloud functions) and expire.
  docsUrl: 'https://docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide/index.html#generating-personal-api-key',
  rules: [
    prefixedToken({
      // Format: https://docs.api.nvidia.com/nim/reference/nvidia-nv-embedqa-e5-v5-infer (NVIDIA_API_KEY;
      // keys begin nvapi-)
      id: 'nvidia-api-key',
      provider: 'nvidia',
      kind: 'API key',
      description: 'NVIDIA API catalog / NGC personal API key (nvapi-)',
      prefix: 'nvapi-',
      body: '[A-Za-z0-9_-]{60,70}',
      entropy: 4.5,
      examples: {
        truePositives: ['NVIDIA_API_KEY=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'],
        falsePositives: [
          'NVIDIA_API_KEY=nvapi-...',
          'NGC_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    }),
  ],
};
