import type { Provider } from '../../src/core/provider.js';
import {
  describeServiceAccount,
  parseServiceAccountKey,
  SA_KEY_DOCS_URL,
  serviceAccountRule,
  WIF_DOCS_URL,
} from './service-account.js';

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
  validators: { 'gcp-service-account': (text) => parseServiceAccountKey(text) !== undefined },
  describeOffline: describeServiceAccount,
  remediation({ credential }) {
    if (credential.ruleId !== serviceAccountRule.id) return undefined;
    const key = parseServiceAccountKey(credential.secret.reveal());
    const who = key ? ` of ${key.clientEmail}` : '';
    return `Delete this key${who} in IAM (Service accounts > Keys) and stop using keys: workload identity federation gives CI and other clouds short-lived credentials with no key to leak (${WIF_DOCS_URL}). Where a key cannot be avoided, give it to a service account holding only a predefined viewer role on the one project it reads (${SA_KEY_DOCS_URL}).`;
  },
};
