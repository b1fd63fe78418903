import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Discord returns the bot user of a bot token (https://discord.com/developers/docs/resources/user#get-current-user). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://discord.com', flag: 'discord-api-url', env: ['TOKENSCOPE_DISCORD_API_URL'] },
  operation: { method: 'GET', path: '/api/v10/users/@me' },
  auth: { scheme: 'header', name: 'authorization', prefix: 'Bot' },
  only: {
    rules: ['discord-bot-token'],
    otherwise:
      'a Discord webhook URL carries its token in the path: a request would put it in server and proxy logs, so tokenscope does not send one',
  },
  read: { expect: '', identity: ['username', 'id'], identityIs: 'bot' },
  unknowns: [
    {
      what: 'servers and permissions',
      reason: 'a bot acts in every server it was added to with the roles it holds there; /users/@me names neither',
    },
  ],
};
