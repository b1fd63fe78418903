import type { Provider } from '../../src/core/provider.js';
import { verifiedBy } from '../../src/core/whoami.js';
import { verify } from './verify.js';

/**
 * A bot token's first part is the bot's user id (a snowflake: 17 to 20 digits) in base64: what a
 * random JWT-like string or a word does not decode to.
 */
function discordUserId(secret: string): boolean {
  const first = secret.slice(0, secret.indexOf('.'));
  return /^[0-9]{17,20}$/.test(Buffer.from(first, 'base64url').toString('latin1'));
}

/** Discord: detection, and verification by one read-only whoami (verify.ts); docsUrl says how to make a narrower credential. */
export const discord: Provider = {
  id: 'discord',
  name: 'Discord',
  docsUrl: 'https://discord.com/developers/docs/reference#authentication',
  validators: { 'discord-user-id': discordUserId },
  rules: [
    {
      // Format: https://discord.com/developers/docs/reference#authentication ("Authorization: Bot <token>"; the first part is the bot user id)
      id: 'discord-bot-token',
      provider: 'discord',
      kind: 'bot token',
      description: 'Discord bot token (the bot user id in base64, a timestamp, an HMAC) near the word Discord',
      confidence: 'context',
      keywords: ['discord'],
      keywordScope: 'fragment',
      regex:
        '(?<![A-Za-z0-9_.-])(?<secret>[MNO][A-Za-z0-9_-]{22,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_.-])',
      entropy: 4,
      validator: 'discord-user-id',
      context: { pattern: 'discord|authorization: bot', withinLines: 2 },
      examples: {
        truePositives: [
          'DISCORD_TOKEN=MTA0NDkzODQ4NzY5MTg4OTQ0MQ.PQo0en.Fhn982eI1IrkBAEPVIuKTlaqgsKOT96pHTNKZQ',
          "client.login('MTAyMTY3ODI4NzU1NzIwNzI4NA.4M8_tT.BE9mFRIBYk7xLqcynXrTwGohPNpx5kTnFaLjld'); // discord.js",
        ],
        falsePositives: [
          'DISCORD_TOKEN=bm90LWEtc25vd2ZsYWtlLWlk.IDU3ec.aRgbhhcIpsAqFzatGO9FlJjlQxIzhy5JmBDbm4',
          'JWT=MTA0ODY2OTU1NzM0ODYwMDUxNQ.7XJZrm.E_vk87oEMjxkwAIXENe22w_7morxnexAiQv4_J',
        ],
      },
    },
    {
      // Format: https://discord.com/developers/docs/resources/webhook#execute-webhook (https://discord.com/api/webhooks/{webhook.id}/{webhook.token})
      id: 'discord-webhook',
      provider: 'discord',
      kind: 'webhook URL',
      description: 'Discord webhook URL (its token lets anyone post to the channel)',
      confidence: 'high',
      keywords: ['/webhooks/'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: 'discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/(?<secret>[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])',
      entropy: 4,
      examples: {
        truePositives: [
          'DISCORD_WEBHOOK=https://discord.com/api/webhooks/1972943199194356502/AM47f9eUJ7Ta47A5ul2zanXdiTe7nMAoD87-HTPpDJyehmoZzf-5Bx3eR9G1b29-wq3M',
        ],
        falsePositives: [
          'https://discord.com/api/webhooks/123456789012345678/your-webhook-token',
          'https://example.com/api/webhooks/1234/abc',
        ],
      },
    },
  ],
  ...verifiedBy('Discord', verify),
};
