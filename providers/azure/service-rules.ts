import type { RuleSpec } from '../../src/core/rule.js';
import { namedSecret } from '../rule-shapes.js';

/**
 * Azure credentials written into URLs and connection strings: storage SAS signatures, the shared
 * access keys of Service Bus, Event Hubs and IoT Hub, SignalR and App Configuration connection
 * strings, Functions keys and Logic Apps callback signatures; and Azure OpenAI keys by name.
 */
export const serviceRules: RuleSpec[] = [
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
  {
    // Format: https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to (an
    // HTTP-triggered function's key travels in the `code` query parameter of its
    // https://<app>.azurewebsites.net/api/<function> URL, or in the x-functions-key header)
    id: 'azure-function-key',
    provider: 'azure',
    kind: 'Functions key',
    description: 'Azure Functions function, host or master key in a function URL (?code=)',
    confidence: 'high',
    keywords: ['.azurewebsites.net/api/'],
    keywordScope: 'line',
    // Path segments and query parameters are bounded classes in sequence: nothing backtracks far.
    regex:
      '\\.azurewebsites\\.net/api/[A-Za-z0-9_./-]{1,200}\\?(?:[A-Za-z0-9_.-]{1,64}=[^&#\\s"\'<>]{0,200}&){0,10}code=(?<secret>[A-Za-z0-9_+/-]{30,100}(?:={0,2}|(?:%3[Dd]){1,2}))(?![A-Za-z0-9_+/%=-])',
    entropy: 4,
    examples: {
      truePositives: [
        'curl "https://contoso-orders.azurewebsites.net/api/HttpTrigger1?code=FEhyKivMOP0bX5I7_jXH-0S7FzQe0q1N3zyBTcYDMIZJndYc-0Tk8g=="',
        'ORDERS_HOOK=https://contoso-orders.azurewebsites.net/api/orders/create?clientId=default&code=FEhyKivMOP0bX5I7_jXH-0S7FzQe0q1N3zyBTcYDMIZJndYc-0Tk8g%3D%3D',
      ],
      falsePositives: [
        'https://contoso-orders.azurewebsites.net/api/HttpTrigger1?code=<your-function-key>',
        'https://contoso-orders.azurewebsites.net/api/HttpTrigger1?name=Azure',
      ],
    },
  },
  {
    // Format: https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app#generate-shared-access-signatures-sas
    // (a request trigger's callback URL on <region>.logic.azure.com carries sp, sv and sig, a
    // signature that lets anyone holding the URL run the workflow)
    id: 'azure-logic-app-signature',
    provider: 'azure',
    kind: 'Logic Apps callback signature',
    description: 'Azure Logic Apps (or Power Automate) trigger callback URL signature (sig=)',
    confidence: 'high',
    keywords: ['.logic.azure.com'],
    keywordScope: 'line',
    regex:
      '\\.logic\\.azure\\.com(?::443)?/workflows/[0-9a-f]{32}/triggers/[^?\\s"\'<>]{1,200}\\?(?:[A-Za-z0-9_.-]{1,64}=[^&#\\s"\'<>]{0,200}&){0,10}sig=(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: {
      truePositives: [
        'ALERT_WEBHOOK=https://prod-27.westeurope.logic.azure.com:443/workflows/70a47f78bb84f72ac4970af6b6f863dd/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=uYm7JggqcfqZdRt33i70GJUVCIspS-wDmP6YqVOmtCk',
      ],
      falsePositives: [
        'https://prod-27.westeurope.logic.azure.com:443/workflows/70a47f78bb84f72ac4970af6b6f863dd/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=<signature>',
      ],
    },
  },
  {
    // Format: https://learn.microsoft.com/en-us/azure/azure-signalr/concept-connection-string and
    // https://learn.microsoft.com/en-us/azure/azure-web-pubsub/howto-websocket-connect (connection
    // strings Endpoint=https://<name>.service.signalr.net;AccessKey=<base64 key>;Version=1.0;)
    id: 'azure-signalr-access-key',
    provider: 'azure',
    kind: 'SignalR or Web PubSub access key',
    description: 'Azure SignalR Service or Web PubSub access key in a connection string (AccessKey=)',
    confidence: 'high',
    keywords: ['AccessKey='],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex:
      'Endpoint=https?://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/?;AccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
    entropy: 4,
    examples: {
      truePositives: [
        'Azure__SignalR__ConnectionString="Endpoint=https://contoso-chat.service.signalr.net;AccessKey=1UFDolBJUigtLdSZmxEhBx/f1amMR1512RJHushrU7A=;Version=1.0;"',
      ],
      falsePositives: [
        'Endpoint=https://contoso-chat.service.signalr.net;AccessKey=<access-key>;Version=1.0;',
        'Endpoint=https://contoso-chat.service.signalr.net;AuthType=azure.msi;Version=1.0;',
      ],
    },
  },
  {
    // Format: https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication
    // (access-key connection strings Endpoint=https://<store>.azconfig.io;Id=<key id>;Secret=<base64 key>)
    id: 'azure-app-configuration-secret',
    provider: 'azure',
    kind: 'App Configuration access key',
    description: 'Azure App Configuration access key secret in a connection string (azconfig.io;Id=;Secret=)',
    confidence: 'high',
    keywords: ['.azconfig.io'],
    keywordScope: 'line',
    regex: '\\.azconfig\\.io/?;Id=[A-Za-z0-9+/=:_-]{1,64};Secret=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
    entropy: 4,
    examples: {
      truePositives: [
        'APP_CONFIG_CONNECTION="Endpoint=https://contoso-settings.azconfig.io;Id=Xk2a-l9-s0:oPq9rVwXyZ12;Secret=nvBoh6tzvpM03rMUyQBQDtIEvMUs6Bg/Mz5qGh1mkxs="',
      ],
      falsePositives: ['Endpoint=https://contoso-settings.azconfig.io;Id=<id>;Secret=<secret>'],
    },
  },
  namedSecret({
    // Format: https://learn.microsoft.com/en-us/azure/ai-services/openai/quickstart
    // (AZURE_OPENAI_API_KEY; Azure AI services keys: 32 hexadecimal characters, newer ones 84
    // letters and digits)
    id: 'azure-openai-key',
    provider: 'azure',
    kind: 'Azure OpenAI / AI services key',
    description: 'Azure OpenAI or Azure AI services key, by its variable name',
    keywords: ['azure_openai', 'azure_ai', 'azure_cognitive'],
    names: 'azure_openai_(?:api_)?key|azure_ai_(?:services_)?(?:api_)?key|azure_cognitive_services_(?:api_)?key',
    value: '[0-9a-f]{32}|[A-Za-z0-9]{84}',
    entropy: 3.3,
    examples: {
      truePositives: ['AZURE_OPENAI_API_KEY=70a47f78bb84f72ac4970af6b6f863dd'],
      falsePositives: [
        'AZURE_OPENAI_API_KEY=00000000000000000000000000000000',
        'AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/',
      ],
    },
  }),
];
