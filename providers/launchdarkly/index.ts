import type { Provider } from '../../src/core/provider.js';
import type { RuleSpec } from '../../src/core/rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * A LaunchDarkly key is its prefix and a UUID. The prefixes are short words other text uses too
 * (`sdk-`, `api-`), so a match counts only near the name LaunchDarkly (or its LD_ variables).
 */
const ldKey = (prefix: string, kind: string, id: string, samples: [string, string]): RuleSpec => ({
  id: `launchdarkly-${id}`,
  provider: 'launchdarkly',
  kind,
  description: `LaunchDarkly ${kind} (${prefix}<uuid>) near the name LaunchDarkly`,
  confidence: 'context',
  keywords: [prefix],
  keywordScope: 'line',
  regex: `(?<![A-Za-z0-9_-])(?<secret>${prefix}${UUID})(?![A-Za-z0-9_-])`,
  entropy: 3.3,
  context: { pattern: 'launchdarkly|\\bld_', withinLines: 2 },
  examples: {
    truePositives: [
      `LAUNCHDARKLY_${id.toUpperCase().replaceAll('-', '_')}=${samples[0]}`,
      `# launchdarkly\nkey: "${samples[1]}"`,
    ],
    falsePositives: [
      `request-id: ${samples[0]}`,
      `LAUNCHDARKLY_${id.toUpperCase().replaceAll('-', '_')}=${prefix}00000000-0000-0000-0000-000000000000`,
    ],
  },
});

/** LaunchDarkly: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const launchdarkly: Provider = {
  id: 'launchdarkly',
  name: 'LaunchDarkly',
  // Access tokens take a custom role (or Reader) rather than Writer or Admin; service tokens outlive no one.
  docsUrl: 'https://launchdarkly.com/docs/home/account/api-create',
  rules: [
    // Format: https://launchdarkly.com/docs/home/account/api-create (API access tokens api-<uuid>)
    ldKey('api-', 'API access token', 'access-token', [
      'api-59be0523-6daf-4736-9801-74cd5219472f',
      'api-606e5278-dc16-4ea4-876b-7aaa46047f4d',
    ]),
    // Format: https://launchdarkly.com/docs/sdk/concepts/client-side-server-side#keys (server-side
    // SDK keys sdk-<uuid>: they read every flag and segment of one environment)
    ldKey('sdk-', 'server-side SDK key', 'sdk-key', [
      'sdk-a963440a-e487-4c5f-b80c-0d6f19b9f2a1',
      'sdk-e30f77bb-9286-45b9-8eb8-5412f49320ea',
    ]),
  ],
};
