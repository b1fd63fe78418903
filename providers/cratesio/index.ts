import type { Provider } from '../../src/core/provider.js';

/** crates.io: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const cratesio: Provider = {
  id: 'cratesio',
  name: 'crates.io',
  // Tokens can be limited to publish-update on some crates (crate scopes) and given an expiry.
  docsUrl: 'https://doc.rust-lang.org/cargo/reference/publishing.html#before-your-first-publish',
  rules: [
    {
      // Format: https://rust-lang.github.io/rfcs/2947-crates-io-token-scopes.html and crates.io's
      // tokens (cio, then 32 letters and digits); where they live:
      // https://doc.rust-lang.org/cargo/reference/config.html#credentials (CARGO_REGISTRY_TOKEN,
      // ~/.cargo/credentials.toml). cio is short, so cargo or crates must be near.
      id: 'cratesio-api-token',
      provider: 'cratesio',
      kind: 'API token',
      description: 'crates.io API token (cio) near the word cargo or crates',
      confidence: 'context',
      keywords: ['cio'],
      keywordScope: 'line',
      regex: '(?<![A-Za-z0-9_-])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9_-])',
      entropy: 4,
      context: { pattern: 'cargo|crates', withinLines: 3, pathPattern: '(?:^|/)credentials(?:\\.toml)?$' },
      examples: {
        truePositives: [
          'CARGO_REGISTRY_TOKEN=cioDcM9NY29HD4g2bhjCa8KD7qOHJUGYZte',
          '[registry]\n# crates.io\ntoken = "cioDcM9NY29HD4g2bhjCa8KD7qOHJUGYZte"',
        ],
        falsePositives: [
          'token = "cioDcM9NY29HD4g2bhjCa8KD7qOHJUGYZte"',
          'CARGO_REGISTRY_TOKEN=cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
  ],
};
