import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** ClickUp: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const clickup: Provider = {
  id: 'clickup',
  name: 'ClickUp',
  // An OAuth app asks only for the workspaces its user grants; a personal token reaches them all.
  docsUrl: 'https://developer.clickup.com/docs/authentication',
  rules: [
    prefixedToken({
      // Format: https://developer.clickup.com/docs/authentication (personal tokens begin pk_: the user id,
      // _, 32 upper-case letters and digits)
      id: 'clickup-personal-token',
      provider: 'clickup',
      kind: 'personal API token',
      description: 'ClickUp personal API token (pk_)',
      prefix: 'pk_',
      body: '[0-9]{4,12}_[A-Z0-9]{32}',
      entropy: 3.8,
      examples: {
        truePositives: ['CLICKUP_API_TOKEN=pk_50375360_23OVC7NTCPANQ3W1SMB645V8IAE05Y71'],
        falsePositives: ['CLICKUP_API_TOKEN=pk_<token>', 'pk_50375360_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
      },
    }),
  ],
};
