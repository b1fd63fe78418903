import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateDigitalOcean } from './remediation.js';
import { assessDigitalOcean } from './risks.js';
import { rules } from './rules.js';

// One inspector loads at a time (see lazy.ts): they share src/inspect modules.
const inspector = lazily(() => import('./inspect.js'));

export const digitalocean: Provider = {
  id: 'digitalocean',
  name: 'DigitalOcean',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: {
    default: 'https://api.digitalocean.com',
    flag: 'digitalocean-api-url',
    env: ['TOKENSCOPE_DIGITALOCEAN_API_URL'],
  },
  // Who the token is, its team's projects and what is assigned to them, and three listings whose
  // answers hold no other secret. Never /v2/databases nor /v2/databases/{uuid}: their `connection`
  // and `users` carry passwords; a cluster is known here by its URN in a project's resources.
  // No write is ever sent, though custom scopes can be learned no other way.
  operations: [
    { method: 'GET', path: '/v2/account' },
    { method: 'GET', path: '/v2/projects' },
    { method: 'GET', path: '/v2/projects/{project_id}/resources' },
    { method: 'GET', path: '/v2/droplets' },
    { method: 'GET', path: '/v2/volumes' },
    { method: 'GET', path: '/v2/domains' },
  ],
  inspect: async (credential, ctx) => (await inspector()).inspectDigitalOcean(credential, ctx),
  assess: assessDigitalOcean,
  remediation: remediateDigitalOcean,
};
