import type { RuleSpec } from '../src/core/rule.js';

/** What every detection rule states, whatever its shape. */
interface RuleFacts {
  id: string;
  provider: string;
  /** The token kind, in the provider's own words. */
  kind: string;
  description: string;
  /** Minimum Shannon entropy of the secret, in bits per character. */
  entropy: number;
  examples: RuleSpec['examples'];
}

/** Characters a token may be made of: one may not touch either end of a match. */
const TOKEN_CHAR = '[A-Za-z0-9_-]';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A token whose own prefix, written exactly (`tskey-auth-`, `squ_`), names the provider and kind:
 * confidence `high`, and the regex runs only on the lines holding the prefix. `body` is the regex
 * source of what follows the prefix.
 */
export function prefixedToken(rule: RuleFacts & { prefix: string; body: string }): RuleSpec {
  const { prefix, body, ...facts } = rule;
  return {
    ...facts,
    confidence: 'high',
    keywords: [prefix],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: `(?<!${TOKEN_CHAR})(?<secret>${escapeRegex(prefix)}${body})(?!${TOKEN_CHAR})`,
  };
}

/**
 * A secret with no shape of its own, recognised by the name it is assigned to (`SNYK_TOKEN=`,
 * `wandb_api_key:`): confidence `context`. `names` is the regex source of the variable names,
 * matched case-insensitively; `keywords` are fragments of them (the prefilter); `value` is the
 * regex source of the secret itself.
 */
export function namedSecret(rule: RuleFacts & { keywords: string[]; names: string; value: string }): RuleSpec {
  const { keywords, names, value, ...facts } = rule;
  return {
    ...facts,
    confidence: 'context',
    keywords,
    keywordScope: 'line',
    regex: `(?:${names})["']?\\s*(?:=|:|=>)\\s*["']?(?<secret>${value})(?!${TOKEN_CHAR})`,
    flags: 'i',
  };
}
