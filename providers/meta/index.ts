import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Meta (Facebook, Instagram): detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const meta: Provider = {
  id: 'meta',
  name: 'Meta (Facebook, Instagram)',
  // A system user's token with only the permissions and assets it needs, not the app secret.
  docsUrl: 'https://developers.facebook.com/docs/marketing-api/system-users/',
  rules: [
    {
      // Format: https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens
      // (an app access token may be written as the app id, |, and the app secret: 32 hexadecimal
      // characters). Digits|hex is not Meta's alone, so the name must be near.
      id: 'meta-app-access-token',
      provider: 'meta',
      kind: 'app access token (app id|app secret)',
      description: 'Meta app access token written as <app id>|<app secret>, near Facebook or Meta',
      confidence: 'context',
      keywords: ['facebook', 'fb_', 'instagram'],
      keywordScope: 'fragment',
      regex: '(?<![0-9A-Za-z])(?<secret>[0-9]{14,17}\\|[0-9a-f]{32})(?![0-9A-Za-z])',
      entropy: 3.3,
      context: { pattern: 'facebook|\\bfb_|instagram', withinLines: 3 },
      examples: {
        truePositives: ['FB_ACCESS_TOKEN=5526293355107480|c7bf29914f0dde15a0abc828658712b0'],
        falsePositives: [
          'row: 5526293355107480|c7bf29914f0dde15a0abc828658712b0',
          'FB_ACCESS_TOKEN=5526293355107480|00000000000000000000000000000000',
        ],
      },
    },
    namedSecret({
      // Format: https://developers.facebook.com/docs/development/create-an-app/app-dashboard/basic-settings/
      // (App Secret, 32 hexadecimal characters, beside the public App ID)
      id: 'meta-app-secret',
      provider: 'meta',
      kind: 'app secret',
      description: 'Meta (Facebook, Instagram) app secret (32 hex), by its variable name',
      keywords: ['facebook_', 'fb_', 'instagram_', 'meta_app'],
      names: '(?:facebook|fb|instagram|ig|meta)_?(?:app_?|client_?)secret',
      value: '[0-9a-f]{32}',
      entropy: 3.3,
      examples: {
        truePositives: [
          'FACEBOOK_APP_SECRET=2fcaafd83c17fc10fb2d1fc8f2eacbc4',
          'fb_app_secret: "2fcaafd83c17fc10fb2d1fc8f2eacbc4"',
        ],
        falsePositives: ['FACEBOOK_APP_ID=5526293355107480', 'FACEBOOK_APP_SECRET=00000000000000000000000000000000'],
      },
    }),
  ],
};
