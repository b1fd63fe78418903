import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Databricks: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const databricks: Provider = {
  id: 'databricks',
  name: 'Databricks',
  // Scoped personal access tokens, or OAuth for a service principal, in place of an all-APIs token.
  docsUrl: 'https://docs.databricks.com/aws/en/dev-tools/auth/pat',
  rules: [
    prefixedToken({
      // Format: https://docs.databricks.com/aws/en/dev-tools/auth/pat (workspace personal access
      // tokens: dapi, 32 hexadecimal characters, on Azure a -<n> suffix)
      id: 'databricks-pat',
      provider: 'databricks',
      kind: 'personal access token',
      description: 'Databricks workspace personal access token (dapi)',
      prefix: 'dapi',
      body: '[0-9a-f]{32}(?:-[0-9]{1,2})?',
      entropy: 3.2,
      examples: {
        truePositives: [
          'DATABRICKS_TOKEN=dapi500eb150e8168ec3fa4f87de82741a9c',
          '[DEFAULT]\nhost = https://adb-1234.5.azuredatabricks.net\ntoken = dapi2c5c2f9da30408c25d074e352e638bdd-2',
        ],
        falsePositives: ['DATABRICKS_TOKEN=dapi00000000000000000000000000000000', 'const dapiVersion = "2.0"'],
      },
    }),
  ],
};
