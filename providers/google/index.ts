import type { Provider } from '../../src/core/provider.js';

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
  ],
};
