import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateNpm } from './remediation.js';
import { assessNpm } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const npm: Provider = {
  id: 'npm',
  name: 'npm',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: { default: 'https://registry.npmjs.org', flag: 'npm-registry-url', env: ['TOKENSCOPE_NPM_REGISTRY_URL'] },
  // Who the token is, its own entry in the token list (matched by sha512 here; the list shows
  // other tokens redacted and we keep none of them), the account's 2FA mode, the packages the user
  // can access, and search for their downloads. Never login (`PUT /-/user/org.couchdb.user:*`,
  // which mints tokens), token creation or deletion, publish, dist-tags, access or team changes.
  operations: [
    { method: 'GET', path: '/-/whoami' },
    { method: 'GET', path: '/-/npm/v1/tokens' },
    { method: 'GET', path: '/-/npm/v1/user' },
    { method: 'GET', path: '/-/user/{user}/package' },
    { method: 'GET', path: '/-/v1/search' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectNpm(credential, ctx),
  assess: assessNpm,
  remediation: remediateNpm,
};
