import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Hetzner Cloud: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const hetzner: Provider = {
  id: 'hetzner',
  name: 'Hetzner Cloud',
  // A token belongs to one project and can be Read rather than Read & Write.
  docsUrl: 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/',
  rules: [
    namedSecret({
      // Format: https://docs.hetzner.cloud/reference/cloud#authentication (project API tokens, 64 letters and digits; HCLOUD_TOKEN for the hcloud CLI and the Terraform provider)
      id: 'hetzner-cloud-token',
      provider: 'hetzner',
      kind: 'API token',
      description: 'Hetzner Cloud API token (64 characters), by its variable name',
      keywords: ['hcloud', 'hetzner'],
      names: 'hcloud_?token|hetzner_?(?:cloud_?)?(?:api_?)?token',
      value: '[A-Za-z0-9]{64}',
      entropy: 4.2,
      examples: {
        truePositives: [
          'HCLOUD_TOKEN=dZ9zoDvdIpfc0MdiYTxdk4zTGDqDRELDt1SaMVLmtFhnBnzclkhdh6ZCIp39hpc4',
          'hcloud_token: "dZ9zoDvdIpfc0MdiYTxdk4zTGDqDRELDt1SaMVLmtFhnBnzclkhdh6ZCIp39hpc4"',
        ],
        falsePositives: [
          'HCLOUD_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'HCLOUD_ENDPOINT=https://api.hetzner.cloud/v1',
        ],
      },
    }),
  ],
};
