import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateGitlab } from './remediation.js';
import { assessGitlab } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const gitlab: Provider = {
  id: 'gitlab',
  name: 'GitLab',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  // The instance's URL (gitlab.com or a self-managed host); the REST API is below it at /api/v4.
  endpoint: { default: 'https://gitlab.com', flag: 'gitlab-url', env: ['TOKENSCOPE_GITLAB_URL'] },
  // The token's own metadata, its user, and the groups and projects it reaches with their roles.
  // Never `/personal_access_tokens` (for an admin, every token of the instance), the `{id}` or
  // `rotate` forms (rotation revokes), CI/CD variables, deploy keys or runners: listed to the letter.
  operations: [
    { method: 'GET', path: '/api/v4/personal_access_tokens/self' },
    { method: 'GET', path: '/api/v4/user' },
    { method: 'GET', path: '/api/v4/personal_access_tokens/self/associations' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectGitlab(credential, ctx),
  assess: assessGitlab,
  remediation: remediateGitlab,
};
