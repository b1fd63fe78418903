import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { API_KEYS_DOCS_URL } from './model.js';
import { remediateRender } from './remediation.js';
import { assessRender } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const render: Provider = {
  id: 'render',
  name: 'Render',
  docsUrl: API_KEYS_DOCS_URL,
  rules,
  endpoint: { default: 'https://api.render.com/v1', flag: 'render-api-url', env: ['TOKENSCOPE_RENDER_API_URL'] },
  // Who the key is, its workspaces (and the member list for a role), projects, environments and
  // the resources of each workspace. Never env vars, env groups, secret files, or a database's
  // connection info (its password).
  operations: [
    { method: 'GET', path: '/users' },
    { method: 'GET', path: '/owners' },
    { method: 'GET', path: '/owners/{ownerId}/members' },
    { method: 'GET', path: '/projects' },
    { method: 'GET', path: '/environments' },
    { method: 'GET', path: '/services' },
    { method: 'GET', path: '/postgres' },
    { method: 'GET', path: '/key-value' },
    { method: 'GET', path: '/disks' },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectRender(credential, ctx),
  assess: assessRender,
  remediation: remediateRender,
};
