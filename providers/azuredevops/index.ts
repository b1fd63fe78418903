import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Azure DevOps: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const azuredevops: Provider = {
  id: 'azuredevops',
  name: 'Azure DevOps',
  // A PAT can be limited to one organization, a few scopes and a short life; Entra tokens are preferred.
  docsUrl:
    'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
  rules: [
    namedSecret({
      // Format: https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate
      // (PATs: 52 lower-case base32 characters, newer ones 84 letters and digits); names:
      // AZURE_DEVOPS_EXT_PAT (https://learn.microsoft.com/en-us/azure/devops/cli/log-in-via-pat),
      // AZDO_PERSONAL_ACCESS_TOKEN (the Terraform azuredevops provider's documented variable).
      id: 'azuredevops-pat',
      provider: 'azuredevops',
      kind: 'personal access token',
      description: 'Azure DevOps personal access token, by its variable name',
      keywords: ['azure_devops', 'azure-devops', 'azdo_', 'ado_pat', 'vsts_pat'],
      names:
        'azure[_-]devops(?:[_-]ext)?[_-](?:pat|token|personal[_-]access[_-]token)|azdo[_-](?:pat|token|personal[_-]access[_-]token)|ado_pat|vsts_pat',
      value: '[a-z2-7]{52}|[A-Za-z0-9]{84}',
      entropy: 3.8,
      examples: {
        truePositives: [
          'AZURE_DEVOPS_EXT_PAT=oeieajnut53ffjmsk6jgmp6q54f3dzaomf3pn7k2bprvsjk45v62',
          'AZDO_PERSONAL_ACCESS_TOKEN: "53ZgSdQBvY8EeZsNW3ginfMA2paFi2SVtWI2hInZUY9BurLg9jxDC81CLFe71TwYPJvttdM1v2dyAZDOI1vv"',
        ],
        falsePositives: [
          'AZURE_DEVOPS_EXT_PAT=$(System.AccessToken)',
          'AZDO_PAT=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'AZURE_DEVOPS_ORG_URL=https://dev.azure.com/contoso',
        ],
      },
    }),
  ],
};
