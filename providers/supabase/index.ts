import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { API_KEYS_DOCS_URL, jwtPayload, LOCAL_DEMO_ISSUER, LOCAL_DEMO_KEYS } from './model.js';
import { describeSupabaseOffline } from './offline.js';
import { remediateSupabase } from './remediation.js';
import { assessSupabase } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

/** Only the service_role key matters (the anon key is public by design); local-development keys are public too. */
function isServiceRole(token: string): boolean {
  const p = jwtPayload(token);
  return p?.role === 'service_role' && p.iss !== LOCAL_DEMO_ISSUER && !LOCAL_DEMO_KEYS.has(token);
}

export const supabase: Provider = {
  id: 'supabase',
  name: 'Supabase',
  docsUrl: API_KEYS_DOCS_URL,
  rules,
  validators: {
    'supabase-service-role': isServiceRole,
    'supabase-not-local-demo': (token) => !LOCAL_DEMO_KEYS.has(token),
  },
  endpoint: { default: 'https://api.supabase.com', flag: 'supabase-api-url', env: ['TOKENSCOPE_SUPABASE_API_URL'] },
  // Who the token reaches, and nothing more: never `/v1/projects/{ref}/api-keys` (project keys),
  // secrets, database query or connection-string endpoints, or Auth's user lists.
  operations: [
    { method: 'GET', path: '/v1/organizations' },
    { method: 'GET', path: '/v1/projects' },
    { method: 'GET', path: '/v1/projects/{ref}/branches' },
  ],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectSupabase(credential, ctx),
  describeOffline: describeSupabaseOffline,
  assess: assessSupabase,
  remediation: remediateSupabase,
};
