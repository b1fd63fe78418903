import type { Provider } from '../../src/core/provider.js';
import { serviceRules } from './service-rules.js';

/** Microsoft Azure: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const azure: Provider = {
  id: 'azure',
  name: 'Microsoft Azure',
  docsUrl: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview',
  rules: [
    {
      // Format: https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string (AccountName=...;AccountKey=<base64 of the 64-byte key>)
      id: 'azure-storage-connection-string',
      provider: 'azure',
      kind: 'storage account key',
      description: 'Azure Storage account key inside a connection string (AccountKey=)',
      confidence: 'high',
      keywords: ['AccountKey='],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex:
        'AccountKey=(?<secret>(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq)[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])',
      entropy: 4.5,
      examples: {
        truePositives: [
          'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=contosoprod;AccountKey=Tw+l1M5QuEqTXMdfKDtTf2NPK5zRVlT+SWSbf3x5O5LUyBD6dU4/0CIMDJy3JDTWOkyTiEi/Bjf2U4oqYtLKSk==;EndpointSuffix=core.windows.net"',
        ],
        falsePositives: [
          'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1',
          'AccountKey=<your-account-key>',
          'AccountKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==',
        ],
      },
    },
    {
      // Format: https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage (two 512-bit keys, shown base64)
      id: 'azure-storage-account-key',
      provider: 'azure',
      kind: 'storage account key',
      description: 'Azure Storage account key (88 base64 characters) named for an Azure storage account',
      confidence: 'context',
      keywords: ['storage_a', 'storagea', 'storage-a', 'azure_st'],
      keywordScope: 'line',
      regex:
        '(?:azure_?storage_?(?:account_?)?(?:access_?)?key|storage_?account_?key|storage-account-key)["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])',
      flags: 'i',
      entropy: 4.5,
      examples: {
        truePositives: [
          'AZURE_STORAGE_KEY=O6PTmTrxqlamtZOUsSs3EhiSj9+k5JuQnWj+NQMHVSkL7WTR3cpYzf7M/yb5AeMwj/YQiR6pgaTxT2SSlGCgxd==',
          'storage_account_key: "aly7ftxGJxkdZ1Owi3fvqUPNm4qtcYBl/juknGknFqtOzTCf4T0RoBwh2gicWbuYqBYmTMvpXhyJ7/UpXYhauu=="',
        ],
        falsePositives: [
          'AZURE_STORAGE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==',
          'storage_account_key: "<key>"',
        ],
      },
    },
    {
      // Format: https://learn.microsoft.com/en-us/dotnet/api/azure.identity.environmentcredential (AZURE_CLIENT_SECRET); https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_client_secret (ARM_CLIENT_SECRET)
      id: 'azure-client-secret',
      provider: 'azure',
      kind: 'client secret',
      description: 'Microsoft Entra ID (Azure AD) application client secret, by its variable name',
      confidence: 'context',
      // Each of the regex's prefixes with client_secret in every spelling it allows: a bare client_secret
      // (any OAuth app's) wakes the rule for nothing.
      keywords: ['azure', 'arm', 'aad', 'entra'].flatMap((p) => [
        `${p}_client_secret`,
        `${p}_clientsecret`,
        `${p}client_secret`,
        `${p}clientsecret`,
      ]),
      keywordScope: 'line',
      regex:
        '(?:azure|arm|aad|entra)_?client_?secret["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9_~.-]{34,44})(?![A-Za-z0-9_~.-])',
      flags: 'i',
      entropy: 3.8,
      examples: {
        truePositives: [
          'AZURE_CLIENT_SECRET=4pI8Q~pjhGrBVzYjnyg_BbeTP7MQComw7~JeV1Ld',
          'ARM_CLIENT_SECRET: "bgDNCuLFAThCeJdyxCtYTC4we23hsJ9OIL0S9tiF"',
        ],
        falsePositives: [
          'AZURE_CLIENT_SECRET=your-client-secret-goes-here-please',
          'AZURE_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'GOOGLE_CLIENT_SECRET=HdcylXVJ7djLJrQlp9KjZDhIw3boyU9ODXh3mUyf',
        ],
      },
    },
    ...serviceRules,
  ],
};
