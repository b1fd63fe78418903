import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { API_DEFAULT, OAUTH_DEFAULT, ROLES_DOCS_URL } from './model.js';
import { assessGoogle } from './risks.js';
import {
  describeServiceAccount,
  isServiceAccountKey,
  parseServiceAccountKey,
  SA_KEY_DOCS_URL,
  serviceAccountRule,
  WIF_DOCS_URL,
} from './service-account.js';

const inspector = lazily(() => import('./inspect.js'));

export const google: Provider = {
  id: 'google',
  name: 'Google Cloud',
  docsUrl: 'https://cloud.google.com/docs/authentication/api-keys#api_key_restrictions',
  rules: [
    {
      id: 'google-api-key',
      provider: 'google',
      kind: 'API key',
      description: 'Google API key (AIza)',
      confidence: 'high',
      keywords: ['AIza'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])',
      entropy: 3.5,
      examples: {
        truePositives: ['GOOGLE_API_KEY=AIza_0GEeRpq0uY9OpaLKXhmP5nGbH3UE5HBUK7'],
        falsePositives: [
          'GOOGLE_API_KEY=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
          'AIza_0GEeRpq0uY9OpaLKXhmP5nGbH3UE5HBUK7toolong',
        ],
      },
    },
    {
      // Format: https://developers.google.com/identity/protocols/oauth2 and Google Cloud's client
      // secret pages (OAuth client secrets begin GOCSPX-, then 28 URL-safe characters).
      id: 'google-oauth-client-secret',
      provider: 'google',
      kind: 'OAuth client secret',
      description: 'Google OAuth 2.0 client secret (GOCSPX-)',
      confidence: 'high',
      keywords: ['GOCSPX-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])',
      entropy: 3.8,
      examples: {
        truePositives: [
          'GOOGLE_CLIENT_SECRET=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',
          '"client_secret":"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"',
        ],
        falsePositives: ['GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'GOCSPX-tooshort'],
      },
    },
    serviceAccountRule,
  ],
  validators: { 'gcp-service-account': isServiceAccountKey },
  describeOffline: describeServiceAccount,
  endpoint: { default: API_DEFAULT, flag: 'google-api-url', env: ['TOKENSCOPE_GOOGLE_API_URL'] },
  // The token exchange goes to another host than the API: a second endpoint, pinned the same way.
  extraEndpoints: {
    oauth: { default: OAUTH_DEFAULT, flag: 'google-oauth-url', env: ['TOKENSCOPE_GOOGLE_OAUTH_URL'] },
  },
  // Two POSTs, both reads by design, and one GET. Never setIamPolicy, a delete, undelete, or
  // serviceAccounts.keys.create: the `{id}:verb` segments match that one verb only.
  operations: [
    {
      method: 'POST',
      path: '/token',
      endpoint: 'oauth',
      body: {
        readOnlyBecause:
          'the JWT bearer grant trades a signed assertion for a read-only-scoped access token; it creates nothing',
      },
    },
    { method: 'GET', path: '/v1/projects' },
    {
      method: 'POST',
      path: '/v1/projects/{projectId}:testIamPermissions',
      body: {
        readOnlyBecause:
          'answers which of the listed permissions the caller holds; Google documents that it needs none and changes nothing',
      },
    },
  ],
  // Scanning threads import this file: the inspector loads only when a key is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectGoogle(credential, ctx),
  assess: assessGoogle,
  // A key file is JSON over several lines: the whole text is the credential; an API key is one word.
  parseInspectInput(text) {
    const t = text.trim();
    return { secret: t.startsWith('{') ? t : (t.split(/\s+/)[0] ?? '') };
  },
  remediation({ credential }) {
    if (credential.ruleId !== serviceAccountRule.id) return undefined;
    const key = parseServiceAccountKey(credential.secret.reveal());
    const who = key ? ` of ${key.clientEmail}` : '';
    return `Delete this key${who} in IAM (Service accounts > Keys) and stop using keys: workload identity federation gives CI and other clouds short-lived credentials with no key to leak (${WIF_DOCS_URL}). Where a key cannot be avoided, give it to a service account holding only a predefined viewer role (roles/viewer, or a narrower one such as roles/cloudsql.viewer) on the one project it reads (${ROLES_DOCS_URL}; ${SA_KEY_DOCS_URL}).`;
  },
};
