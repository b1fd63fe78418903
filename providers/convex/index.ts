import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Convex: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const convex: Provider = {
  id: 'convex',
  name: 'Convex',
  // A preview or development deploy key reaches no production data; keep prod keys to production CI.
  docsUrl: 'https://docs.convex.dev/production/hosting/deploy-keys',
  rules: [
    namedSecret({
      // Format: https://docs.convex.dev/cli/deploy-key-types (CONVEX_DEPLOY_KEY: the key type
      // (prod, preview, dev, project), a colon, the deployment or project name, |, the key)
      id: 'convex-deploy-key',
      provider: 'convex',
      kind: 'deploy key',
      description: 'Convex deploy key (prod:<deployment>|...), by its variable name',
      keywords: ['convex_deploy_key'],
      names: 'convex_deploy_key',
      value: '(?:prod|preview|dev|project):[A-Za-z0-9-]{3,64}\\|[A-Za-z0-9_=-]{40,200}',
      entropy: 3.8,
      examples: {
        truePositives: [
          'CONVEX_DEPLOY_KEY=prod:happy-otter-123|2N3mAHRr3FzwiEwGAR7rPuz_KRk5mG8851xFRNhCraS1VAd4-ovuFcsVaTlEEeMy',
        ],
        falsePositives: ['CONVEX_DEPLOY_KEY=prod:happy-otter-123|<key>', 'CONVEX_DEPLOYMENT=prod:happy-otter-123'],
      },
    }),
  ],
};
