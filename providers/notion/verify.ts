import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Notion returns the bot user of an integration token and its workspace (https://developers.notion.com/reference/get-self). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.notion.com', flag: 'notion-api-url', env: ['TOKENSCOPE_NOTION_API_URL'] },
  operation: { method: 'GET', path: '/v1/users/me' },
  auth: { scheme: 'bearer' },
  headers: { 'notion-version': '2022-06-28' },
  read: {
    expect: '',
    identity: ['name', 'id'],
    identityIs: 'integration',
    reach: { workspaces: 'bot.workspace_name' },
  },
  unknowns: [
    {
      what: 'pages and databases shared with it',
      reason:
        'an integration reaches the pages and databases shared with it, with the capabilities chosen for it (read, update, insert content); /users/me says neither',
    },
  ],
};
