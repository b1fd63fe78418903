import type { Provider } from '../../src/core/provider.js';

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
      keywords: ['client_secret', 'clientsecret'],
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
    {
      // Format: https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas (a SAS
      // is query parameters: the signed version sv=YYYY-MM-DD, then sp, se, sr ..., and sig, the
      // URL-encoded base64 HMAC-SHA256 of them: 32 bytes, 44 characters ending =). The same in a
      // connection string's SharedAccessSignature= (https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string).
      id: 'azure-sas-token',
      provider: 'azure',
      kind: 'shared access signature (SAS)',
      description: 'Azure Storage shared access signature (sv=...&sig=), in a URL or a connection string',
      confidence: 'high',
      keywords: ['sig='],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      // Each parameter between sv and sig is a name and a value with no & in it: nothing backtracks.
      regex:
        '\\bsv=\\d{4}-\\d{2}-\\d{2}(?:&[a-z]{1,6}=[^&\\s"\'<>;]{0,256}){0,20}&sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[Dd]))(?![A-Za-z0-9%])',
      entropy: 4,
      examples: {
        truePositives: [
          'https://contosoprod.blob.core.windows.net/backups/db.bak?sp=r&st=2026-11-30T09:00:00Z&se=2026-12-30T17:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=wWNGNZ3COL%2BBXcq4QuU1u%2FnzSpX6dyMnmVCHABkumdo%3D',
          'AZURE_STORAGE_CONNECTION_STRING="BlobEndpoint=https://contosoprod.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2027-01-01T00:00:00Z&spr=https&sig=H6wZrAb5A4OqZkLvNx6GTpQrc+4s+EEn8hlQAlQmP/0="',
        ],
        falsePositives: [
          'https://contosoprod.blob.core.windows.net/backups/db.bak?sv=2022-11-02&sr=b&sig=<signature>',
          'https://example.org/api?sv=2022-11-02&sig=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%3D',
          'https://api.example.org/webhook?sig=7Vqecf%2Bc4ARyI3pBHcKhtC70KRWwUFvCYd%2BTiuKvRzE%3D',
        ],
      },
    },
    {
      // Format: https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas
      // (Service Bus, Event Hubs, Relay and IoT Hub connection strings: SharedAccessKeyName=<rule>;
      // SharedAccessKey=<base64 of a 256-bit key, 44 characters>)
      id: 'azure-shared-access-key',
      provider: 'azure',
      kind: 'shared access key (Service Bus, Event Hubs, IoT Hub)',
      description: 'Azure Service Bus, Event Hubs, Relay or IoT Hub shared access key (SharedAccessKey=)',
      confidence: 'high',
      keywords: ['SharedAccessKey='],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: 'SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
      entropy: 4,
      examples: {
        truePositives: [
          'SERVICEBUS_CONNECTION="Endpoint=sb://contoso-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=7Vqecf+c4ARyI3pBHcKhtC70KRWwUFvCYd+TiuKvRzE="',
          'HostName=contoso-iot.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=JXin9PF1ZNHqLRHMpNZxyxJo4XNf9Rkkxf0nSOuC3CU=',
        ],
        falsePositives: [
          'Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
          'SharedAccessKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        ],
      },
    },
  ],
};
