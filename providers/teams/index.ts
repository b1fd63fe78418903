import type { Provider } from '../../src/core/provider.js';

/** Microsoft Teams: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const teams: Provider = {
  id: 'teams',
  name: 'Microsoft Teams',
  docsUrl:
    'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  rules: [
    {
      // Format: https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook (the URL is the credential)
      id: 'teams-incoming-webhook',
      provider: 'teams',
      kind: 'incoming webhook URL',
      description: 'Microsoft Teams incoming webhook URL (webhook.office.com/webhookb2/...)',
      confidence: 'high',
      keywords: ['webhookb2'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex:
        '(?<secret>https://[a-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])',
      entropy: 3.5,
      examples: {
        truePositives: [
          'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/66ddff47-da0a-49e1-af56-5838e2769a66@aed38878-356d-4c9f-a6cb-2d61b1d16621/IncomingWebhook/3b27e91909d1622466ac92ce344c01d3/91dcb70d-fc9a-41cc-ac91-43a41bd5f6cc/V2GKL2rmx4eeKgtuU2ZGjyKaD5NQYkkvOyQerHpDo-',
        ],
        falsePositives: [
          'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/<id>@<tenant>/IncomingWebhook/<token>/<id>',
          'https://outlook.office.com/webhook/placeholder',
        ],
      },
    },
  ],
};
