import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Snyk: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const snyk: Provider = {
  id: 'snyk',
  name: 'Snyk',
  // A service account token for one organization, with a limited role, instead of a personal token.
  docsUrl: 'https://docs.snyk.io/implementation-and-setup/enterprise-setup/service-accounts',
  rules: [
    namedSecret({
      // Format: https://docs.snyk.io/snyk-cli/authenticate-to-use-the-cli (SNYK_TOKEN; API tokens
      // and service account tokens are UUIDs)
      id: 'snyk-api-token',
      provider: 'snyk',
      kind: 'API token',
      description: 'Snyk API or service account token (a UUID), by its variable name',
      keywords: ['snyk'],
      names: 'snyk_?(?:api_?)?(?:token|key)|snyk_?(?:auth_?)?token',
      value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      entropy: 3.3,
      examples: {
        truePositives: [
          'SNYK_TOKEN=59be0523-6daf-4736-9801-74cd5219472f',
          'env:\n  SNYK_API_TOKEN: "606e5278-dc16-4ea4-876b-7aaa46047f4d"',
        ],
        falsePositives: [
          'SNYK_TOKEN=00000000-0000-0000-0000-000000000000',
          'SNYK_ORG_ID=a963440a-e487-4c5f-b80c-0d6f19b9f2a1',
          'SNYK_TOKEN="$(vault read -field=token secret/snyk)"',
        ],
      },
    }),
  ],
};
