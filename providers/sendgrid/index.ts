import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { KEY_DOCS_URL } from './model.js';
import { remediateSendgrid } from './remediation.js';
import { assessSendgrid } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const sendgrid: Provider = {
  id: 'sendgrid',
  name: 'SendGrid',
  docsUrl: KEY_DOCS_URL,
  rules,
  // The EU region is https://api.eu.sendgrid.com: set it with the flag.
  endpoint: { default: 'https://api.sendgrid.com', flag: 'sendgrid-api-url', env: ['TOKENSCOPE_SENDGRID_API_URL'] },
  // The key's own scopes, its account's name and type. Never the API key list (`/v3/api_keys`),
  // teammates, subusers, or anything that sends: listed to the letter.
  operations: [
    { method: 'GET', path: '/v3/scopes' },
    { method: 'GET', path: '/v3/user/username' },
    { method: 'GET', path: '/v3/user/account' },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectSendgrid(credential, ctx),
  assess: assessSendgrid,
  remediation: remediateSendgrid,
};
