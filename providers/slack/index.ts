import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateSlack } from './remediation.js';
import { assessSlack } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const slack: Provider = {
  id: 'slack',
  name: 'Slack',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: { default: 'https://slack.com/api', flag: 'slack-api-url', env: ['TOKENSCOPE_SLACK_API_URL'] },
  // Slack methods act whatever the HTTP verb (a GET to chat.delete deletes): the list names each
  // method. Never a refresh, rotation, revocation or uninstall method (oauth.v2.access,
  // oauth.v2.exchange, tooling.tokens.rotate, auth.revoke, apps.uninstall): they revoke tokens.
  operations: [
    { method: 'GET', path: '/auth.test' },
    { method: 'GET', path: '/users.info' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectSlack(credential, ctx),
  assess: assessSlack,
  remediation: remediateSlack,
};
