import type { Provider } from '../../src/core/provider.js';
import { namedSecret } from '../rule-shapes.js';

/** Expo: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const expo: Provider = {
  id: 'expo',
  name: 'Expo',
  // A robot user's token with a Developer or Viewer role, not a personal token with the owner's.
  docsUrl: 'https://docs.expo.dev/accounts/programmatic-access/',
  rules: [
    namedSecret({
      // Format: https://docs.expo.dev/accounts/programmatic-access/ (EXPO_TOKEN: personal and robot access tokens for EAS CLI)
      id: 'expo-access-token',
      provider: 'expo',
      kind: 'access token',
      description: 'Expo (EAS) access token, by its variable name',
      keywords: ['expo_token', 'expo_access_token'],
      names: 'expo_(?:access_)?token',
      value: '[A-Za-z0-9_-]{32,48}',
      entropy: 4,
      examples: {
        truePositives: ['EXPO_TOKEN=9bxjnEuMob1GtvxK7O4oE0wAbTvwb1ZUAKbjiVcQ'],
        falsePositives: ['EXPO_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'EXPO_TOKEN=$EXPO_TOKEN'],
      },
    }),
  ],
};
