import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateVercel } from './remediation.js';
import { assessVercel } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const vercel: Provider = {
  id: 'vercel',
  name: 'Vercel',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: { default: 'https://api.vercel.com', flag: 'vercel-api-url', env: ['TOKENSCOPE_VERCEL_API_URL'] },
  // The token's own metadata, who it is, and the listings that say where it reaches. Never an
  // environment-variable endpoint (values, and `decrypt`), another token's metadata, or Edge
  // Config tokens: `/v5/user/tokens/current` is listed to the letter, not as `{tokenId}`.
  operations: [
    { method: 'GET', path: '/v5/user/tokens/current' },
    { method: 'GET', path: '/v2/user' },
    { method: 'GET', path: '/v2/teams' },
    { method: 'GET', path: '/v10/projects' },
    { method: 'GET', path: '/v5/domains' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectVercel(credential, ctx),
  assess: assessVercel,
  remediation: remediateVercel,
};
