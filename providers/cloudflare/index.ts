import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { validCloudflareChecksum } from './checksum.js';
import { TOKENS_DOCS_URL } from './model.js';
import { remediateCloudflare } from './remediation.js';
import { assessCloudflare } from './risks.js';
import { rules } from './rules.js';

// One inspector loads at a time (see lazy.ts): they share src/inspect modules.
const inspector = lazily(() => import('./inspect.js'));

export const cloudflare: Provider = {
  id: 'cloudflare',
  name: 'Cloudflare',
  docsUrl: TOKENS_DOCS_URL,
  rules,
  validators: { 'cloudflare-checksum': validCloudflareChecksum },
  endpoint: {
    default: 'https://api.cloudflare.com/client/v4',
    flag: 'cloudflare-api-url',
    env: ['TOKENSCOPE_CLOUDFLARE_API_URL'],
  },
  // Verify, the token's own policies, who and where, and listings that hold no other secret. Not
  // a Worker's script or its secrets, not KV values, R2 objects or D1 queries (a POST of SQL), not
  // the token list or a token's roll (PUT .../value returns a new secret).
  operations: [
    { method: 'GET', path: '/user/tokens/verify' },
    { method: 'GET', path: '/user/tokens/{token_id}' },
    { method: 'GET', path: '/user' },
    { method: 'GET', path: '/accounts' },
    { method: 'GET', path: '/accounts/{account_id}/tokens/verify' },
    { method: 'GET', path: '/accounts/{account_id}/tokens/{token_id}' },
    { method: 'GET', path: '/zones' },
    { method: 'GET', path: '/accounts/{account_id}/workers/scripts' },
    { method: 'GET', path: '/accounts/{account_id}/r2/buckets' },
    { method: 'GET', path: '/accounts/{account_id}/d1/database' },
  ],
  // `tokenscope inspect --provider cloudflare`: a token, or `GLOBAL_KEY EMAIL` for a Global API Key.
  parseInspectInput: (text) => {
    const [secret, email] = text.trim().split(/\s+/);
    if (!secret) return undefined;
    return email ? { secret, parts: { email } } : { secret };
  },
  inspect: async (credential, ctx) => (await inspector()).inspectCloudflare(credential, ctx),
  assess: assessCloudflare,
  remediation: remediateCloudflare,
};
