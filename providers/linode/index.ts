import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Akamai Cloud (Linode): detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const linode: Provider = {
  id: 'linode',
  name: 'Akamai Cloud (Linode)',
  // A personal access token can be limited per service (read only, or none) and given an expiry.
  docsUrl: 'https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens',
  rules: [
    namedSecret({
      // Format: https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens (64 hexadecimal characters; LINODE_TOKEN for the Terraform provider, LINODE_CLI_TOKEN for the CLI)
      id: 'linode-token',
      provider: 'linode',
      kind: 'personal access token',
      description: 'Linode (Akamai Cloud) personal access token (64 hex), by its variable name',
      keywords: ['linode'],
      names: 'linode_?(?:cli_?|api_?)?token',
      value: '[0-9a-f]{64}',
      entropy: 3.3,
      examples: {
        truePositives: [
          'LINODE_TOKEN=1c2a7f94cce6e52e0a5bf04cc42430fce7e0e337c0bf1ed3ff520c471ea034ba',
          'LINODE_CLI_TOKEN="6ed5263559b8bfe9a1c2ce2bea4cf017d712cc74ab8eed11c38c67dd8adb6f24"',
        ],
        falsePositives: [
          'LINODE_TOKEN=0000000000000000000000000000000000000000000000000000000000000000',
          'LINODE_TOKEN=$(pass show linode)',
        ],
      },
    }),
  ],
};
