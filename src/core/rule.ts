export type Confidence = 'high' | 'context';

/** The data shape of a detection rule, as schemas/rule.schema.json describes it. */
export interface RuleSpec {
  id: string;
  provider: string;
  /** The token kind, in the provider's own words. */
  kind: string;
  description: string;
  /** Cheap prefilter, matched case-insensitively: a fragment with none of them never runs the regex. */
  keywords: string[];
  /** JavaScript regular expression source; must contain a named group `secret`. */
  regex: string;
  /**
   * `line`: a keyword is always on the line of a match (it is part of the token or of its
   * assignment), so the regex runs only on the lines that hold a keyword. `fragment` (default):
   * the regex runs over the whole fragment once any keyword is present.
   */
  keywordScope?: 'line' | 'fragment';
  /**
   * The keywords are matched exactly as written (a token's own prefix: `AKIA`, `eyJ`, `SG.`), not
   * case-insensitively: `msg.` then no longer triggers SendGrid's rule, nor `Asia/Tokyo` AWS's.
   */
  keywordsCaseSensitive?: boolean;
  /** Extra regex flags (besides g and d, always set): i, m, s, u. */
  flags?: string;
  /** Minimum Shannon entropy of the secret, in bits per character. */
  entropy?: number;
  /** Name of a validator the rule's provider supplies (a checksum, a decoded payload check). */
  validator?: string;
  /**
   * Where placeholder words (example, sample, dummy...) rule a match out: anywhere in the secret
   * (the default), or only where the validator looks (a structured secret, such as a key file,
   * whose project or account names may be ordinary words).
   */
  placeholders?: 'secret' | 'validator';
  /** The match counts only if this context is found. */
  context?: {
    /** Regex, matched case-insensitively against the assignment name and the lines around the match. */
    pattern: string;
    /** How many lines before and after the match to look in. */
    withinLines: number;
    /** A file path (posix, regex) that is context enough on its own, e.g. a provider's config file. */
    pathPattern?: string;
    /**
     * Regex, matched case-insensitively against the assignment name: a match assigned to such a
     * name is not this rule's, whatever the lines around say (`HEROKU_API_KEY`, `RAILWAY_PROJECT_ID`).
     */
    excludeNames?: string;
  };
  /**
   * How sure a match is a real credential, whatever its provider says. `high`: the shape alone
   * says so (a checksum, a distinctive prefix, a decoded payload, a key's own armour); committed
   * to git, such a credential fails the default gate even when it cannot be inspected. `context`:
   * only the text around it says so (a bare UUID near "railway", a password in an assignment or a
   * URL); uninspected, it stays below the default gate. Undeclared (custom rules): `context`.
   * Every built-in rule declares it (test/assess/confidence.test.ts).
   */
  confidence?: Confidence;
  /** A file path (posix, regex) the rule runs on and only on (a gitleaks rule's `path`). */
  path?: RulePattern;
  /** Matches that are not reported (a gitleaks rule's allowlists): any one entry that holds suffices. */
  allow?: RuleAllow[];
  /** How reports show the secret: `url` hides only the password of a URL. */
  redaction?: 'default' | 'url';
  /** Named groups of the regex that are secrets belonging to the main one (e.g. a paired key). */
  parts?: string[];
  examples: { truePositives: string[]; falsePositives: string[] };
}

/**
 * One exclusion of a rule's matches. Its criteria (those given) are combined with `condition`:
 * `or` (default): any one that holds excludes the match; `and`: all of them must hold.
 */
export interface RuleAllow {
  /** Regexes (JavaScript; flags among i, m, s) tested against `regexTarget`. */
  regexes?: RulePattern[];
  /** What `regexes` are tested against: the secret (default), the whole match, or its line. */
  regexTarget?: 'secret' | 'match' | 'line';
  /** Words whose presence in the secret (case-insensitively) says it is not one. */
  stopwords?: string[];
  /** File paths (posix, regex). */
  paths?: RulePattern[];
  /** Commits (full or abbreviated ids) whose matches are not reported. */
  commits?: string[];
  condition?: 'or' | 'and';
}

/** A JavaScript regex with its own flags (among i, m, s). */
export interface RulePattern {
  regex: string;
  flags?: string;
}
