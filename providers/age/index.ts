import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** age: detection only (an identity is a local key: there is no one to ask); docsUrl says how to limit what one can open. */
export const age: Provider = {
  id: 'age',
  name: 'age encryption',
  // Each recipient its own identity (or a plugin-held key) so that one leak opens only its files.
  docsUrl: 'https://github.com/C2SP/C2SP/blob/main/age.md',
  rules: [
    prefixedToken({
      // Format: https://github.com/C2SP/C2SP/blob/main/age.md#the-x25519-recipient-type (an X25519
      // identity is Bech32, human-readable part AGE-SECRET-KEY-, upper case: 32 bytes and a checksum
      // make 58 characters of the Bech32 alphabet after the separator 1)
      id: 'age-secret-key',
      provider: 'age',
      kind: 'X25519 identity (secret key)',
      description: 'age encryption secret key (AGE-SECRET-KEY-1)',
      prefix: 'AGE-SECRET-KEY-1',
      body: '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
      entropy: 4,
      examples: {
        truePositives: [
          '# created: 2026-11-30T10:00:00Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\nAGE-SECRET-KEY-1EYT68ZDH7VA7R7GRH49TWSCU500MPC32TJ5GHVFYM3WTQ4WRJSCJTYC2SN',
          'SOPS_AGE_KEY=AGE-SECRET-KEY-1EYT68ZDH7VA7R7GRH49TWSCU500MPC32TJ5GHVFYM3WTQ4WRJSCJTYC2SN',
        ],
        falsePositives: [
          'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
          'SOPS_AGE_KEY=AGE-SECRET-KEY-1...',
          'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
        ],
      },
    }),
  ],
};
