import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateNetlify } from './remediation.js';
import { assessNetlify } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const netlify: Provider = {
  id: 'netlify',
  name: 'Netlify',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: { default: 'https://api.netlify.com/api/v1', flag: 'netlify-api-url', env: ['TOKENSCOPE_NETLIFY_API_URL'] },
  // Who the token is, its teams (with the members list for a role), and its DNS zones. Never a
  // site (site objects carry passwords, build environment variables and deploy-hook URLs), env
  // vars, a site database (its connection string), hooks, deploy keys or AI-gateway tokens.
  operations: [
    { method: 'GET', path: '/user' },
    { method: 'GET', path: '/accounts' },
    { method: 'GET', path: '/{account_slug}/members' },
    { method: 'GET', path: '/dns_zones' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectNetlify(credential, ctx),
  assess: assessNetlify,
  remediation: remediateNetlify,
};
