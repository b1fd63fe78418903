import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateHeroku } from './remediation.js';
import { assessHeroku } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const heroku: Provider = {
  id: 'heroku',
  name: 'Heroku',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: { default: 'https://api.heroku.com', flag: 'heroku-api-url', env: ['TOKENSCOPE_HEROKU_API_URL'] },
  // Who the token is and the listings that say where it reaches. Never config vars (app or
  // release), add-on config, OAuth authorizations (they list other tokens' values) or OAuth
  // clients (their secrets).
  operations: [
    { method: 'GET', path: '/account' },
    { method: 'GET', path: '/teams' },
    { method: 'GET', path: '/apps' },
    { method: 'GET', path: '/addons' },
    { method: 'GET', path: '/pipeline-couplings' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectHeroku(credential, ctx),
  assess: assessHeroku,
  remediation: remediateHeroku,
};
