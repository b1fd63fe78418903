import type { RuleSpec } from '../../src/core/rule.js';

/**
 * Neon API keys (fact sheet §2.1). Neon publishes neither their length nor a checksum: newer keys
 * start `napi_` (seen in third-party docs only, whose regexes disagree on the length), older ones
 * are 64 bare lowercase alphanumerics. `napi_` is also Node-API's function prefix. Both forms are
 * therefore taken only with a name or a nearby word saying Neon (confidence `context`).
 */
const NEON_CONTEXT = { pattern: 'neon', withinLines: 1, excludeNames: 'neon_(?:project|branch|org|database|role)' };

export const rules: RuleSpec[] = [
  {
    id: 'neon-api-key',
    provider: 'neon',
    confidence: 'context',
    kind: 'API key',
    description: 'Neon API key (napi_; format UNCONFIRMED, so only named for Neon)',
    keywords: ['napi_'],
    // Not a distinctive prefix (Node-API shares it, and Neon does not publish it): context decides.
    keywordsCaseSensitive: false,
    keywordScope: 'line',
    regex: '\\b(?<secret>napi_[a-z0-9]{40,80})\\b',
    entropy: 3.5,
    context: NEON_CONTEXT,
    examples: {
      truePositives: ['NEON_API_KEY=napi_ng9px6943yuz3n8uxc84kktgkkxnof8a4i6z130jk4yjqubwxg7ghnj85yr5'],
      falsePositives: [
        // Unnamed: napi_ alone is not enough.
        'KEY=napi_ng9px6943yuz3n8uxc84kktgkkxnof8a4i6z130jk4yjqubwxg7ghnj85yr5',
        'napi_status status = napi_create_string_utf8(env, "neon", NAPI_AUTO_LENGTH, &result);',
        `NEON_API_KEY=napi_${'a'.repeat(60)}`,
      ],
    },
  },
  {
    id: 'neon-api-key-legacy',
    provider: 'neon',
    confidence: 'context',
    kind: 'API key (unprefixed)',
    description: 'Neon API key from before the napi_ prefix: 64 lowercase alphanumerics, named for Neon',
    keywords: ['neon'],
    regex: '\\b(?<secret>[a-z0-9]{64})\\b',
    entropy: 3.5,
    context: { ...NEON_CONTEXT, withinLines: 0 },
    examples: {
      truePositives: ['export NEON_API_KEY="53nd07fk71a3i3npjpnh6az48d0wbge8zua0domxiujsyyifl8d2eo4dfeq1smtm"'],
      falsePositives: [
        'SHA256=53nd07fk71a3i3npjpnh6az48d0wbge8zua0domxiujsyyifl8d2eo4dfeq1smtm',
        'NEON_PROJECT_ID=53nd07fk71a3i3npjpnh6az48d0wbge8zua0domxiujsyyifl8d2eo4dfeq1smtm',
      ],
    },
  },
];
