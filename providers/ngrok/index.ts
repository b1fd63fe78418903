import type { Provider } from '../../src/core/provider.js';

/** ngrok: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const ngrok: Provider = {
  id: 'ngrok',
  name: 'ngrok',
  // A bot user's authtoken, with an ACL limiting the endpoints it may bind, instead of a person's.
  docsUrl: 'https://ngrok.com/docs/iam/bot-users/',
  rules: [
    {
      // Format: https://ngrok.com/docs/agent/config/v3/ (`authtoken:` in ngrok.yml),
      // https://ngrok.com/docs/agent/cli/ (`ngrok config add-authtoken`, NGROK_AUTHTOKEN): the token is
      // letters and digits, an underscore, letters and digits
      id: 'ngrok-authtoken',
      provider: 'ngrok',
      kind: 'authtoken',
      description: 'ngrok agent authtoken, in ngrok.yml, NGROK_AUTHTOKEN or `ngrok config add-authtoken`',
      confidence: 'context',
      keywords: ['authtoken'],
      keywordScope: 'line',
      regex:
        '(?:auth_?token["\']?\\s*(?:=|:)\\s*["\']?|add-authtoken\\s+|--authtoken[= ])(?<secret>[0-9A-Za-z]{20,30}_[0-9A-Za-z]{15,30})(?![A-Za-z0-9_-])',
      flags: 'i',
      entropy: 4,
      context: { pattern: 'ngrok', withinLines: 3, pathPattern: '(?:^|/)ngrok\\.ya?ml$' },
      examples: {
        truePositives: [
          'NGROK_AUTHTOKEN=2RQMntYoHB935knMOW51bdfnUGJ_ZsCenVzcJS2Ryktd0hGad',
          'version: "3"\nagent:\n  # ngrok agent\n  authtoken: 2gAqZ5x7id8aQK3ArodIfv5SPqs_M50cHoOnu30pf56yaddxS',
          'ngrok config add-authtoken 2gAqZ5x7id8aQK3ArodIfv5SPqs_M50cHoOnu30pf56yaddxS',
        ],
        falsePositives: [
          'authtoken: 2gAqZ5x7id8aQK3ArodIfv5SPqs_M50cHoOnu30pf56yaddxS',
          'NGROK_AUTHTOKEN=<your-authtoken>',
        ],
      },
    },
  ],
};
