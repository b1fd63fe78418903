import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { API_KEYS_DOCS_URL } from './model.js';
import { remediateNeon } from './remediation.js';
import { assessNeon } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const neon: Provider = {
  id: 'neon',
  name: 'Neon',
  docsUrl: API_KEYS_DOCS_URL,
  rules,
  endpoint: { default: 'https://console.neon.tech/api/v2', flag: 'neon-api-url', env: ['TOKENSCOPE_NEON_API_URL'] },
  // What the key is and what it reaches. Never a connection URI, a role's password
  // (`.../roles/{role}/reveal_password`), the roles list, or the account's API keys.
  operations: [
    { method: 'GET', path: '/auth' },
    { method: 'GET', path: '/users/me/organizations' },
    { method: 'GET', path: '/projects' },
    { method: 'GET', path: '/projects/{project_id}/branches' },
    { method: 'GET', path: '/projects/{project_id}/branches/{branch_id}/databases' },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectNeon(credential, ctx),
  assess: assessNeon,
  remediation: remediateNeon,
};
