import type { Provider } from '../../src/core/provider.js';

/** Telegram: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const telegram: Provider = {
  id: 'telegram',
  name: 'Telegram',
  docsUrl: 'https://core.telegram.org/bots/api#authorizing-your-bot',
  unverifiable:
    'a bot token can only be checked by putting it in the URL path (/bot<token>/getMe), where servers and proxies log it; tokenscope does not send it',
  rules: [
    {
      // Format: https://core.telegram.org/bots/api#authorizing-your-bot (e.g. 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11) and https://core.telegram.org/bots/features#botfather
      id: 'telegram-bot-token',
      provider: 'telegram',
      kind: 'bot token',
      description: 'Telegram bot token (bot id, a colon, 35 characters) near the word Telegram',
      confidence: 'context',
      keywords: ['telegram', 'bot_token', 'bottoken', 'tg_token'],
      keywordScope: 'fragment',
      regex: '(?<![0-9:])(?<secret>[0-9]{8,10}:[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])',
      entropy: 3.8,
      context: { pattern: 'telegram|bot_?token|tg_token', withinLines: 2 },
      examples: {
        truePositives: [
          'TELEGRAM_BOT_TOKEN=3128078510:AADAl5oaM8_fJ0Fs4ZGnLBbhXGXfbrLX-Gd',
          "fetch('https://api.telegram.org/bot6287227400:AALS0yJEEvznz6t5Y0Sm5Nsd8MEC5iH_nr1/getMe')",
        ],
        falsePositives: [
          'TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
          'TIMESTAMP=4039737635:rBtUsH-QbSI5Fnj4zBh5YEpnLKd_s-aUIuP',
        ],
      },
    },
  ],
};
