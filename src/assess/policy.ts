import type { Severity } from '../core/types.js';

/**
 * What counts as too broad, where: the built-in default below, overridable in the config file's
 * `policy` key (schemas/policy.schema.json).
 */
export interface Policy {
  /** Environment names that count as production. */
  productionNames: string[];
  /** Words in a variable, file or path name that reveal a narrow intent. */
  narrowIntentWords: string[];
  /** Words in a path, branch or variable name that say the place is not production. */
  nonProductionWords: string[];
  /** Severity per risk id; a risk not named here keeps the severity its provider suggests. */
  severities: Record<string, Severity>;
  /** Findings at or above this severity make the exit code 1. */
  failOn: Severity;
  /** GitHub: writing to more repositories than this is `broad-repo-write`. */
  broadRepoWriteThreshold: number;
  /** AWS: keys older than this many days are `old-key`. */
  maxKeyAgeDays: number;
  /** AWS: account ids of known canary-token services; a key from one is a tripwire, not a credential. */
  canaryAccounts: string[];
  /** Railway: at most this many projects are walked per token. */
  maxProjects: number;
  /**
   * GitHub: the organizations (or users) whose code is being scanned. An org admin token found in
   * its own org's code is critical. Filled at run time from the scanned repository's origin remote,
   * GITHUB_REPOSITORY and `tokenscope org ORG`, plus any named here.
   */
  scannedOwners: string[];
}

export const DEFAULT_POLICY: Policy = {
  productionNames: ['prod', 'production', 'live'],
  narrowIntentWords: ['domain', 'dns', 'readonly', 'read', 'ci', 'deploy', 'test', 'staging', 'dev'],
  nonProductionWords: ['staging', 'stage', 'dev', 'development', 'test', 'testing', 'qa', 'sandbox', 'preview'],
  severities: {},
  failOn: 'high',
  broadRepoWriteThreshold: 10,
  maxKeyAgeDays: 90,
  canaryAccounts: ['052310077262', '171436882533', '534261010715', '595918472158', '717712589309', '819147034852'],
  maxProjects: 200,
  scannedOwners: [],
};

/** Splits a name into lower-case words: RAILWAY_DOMAIN_TOKEN, railwayDomainToken, infra/domains/.env. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when one of `names`' words is one of `vocabulary` (or its plural). */
export function mentions(names: string[], vocabulary: string[]): string | undefined {
  const vocab = new Set(vocabulary.map((v) => v.toLowerCase()));
  for (const n of names) {
    for (const w of words(n)) {
      if (vocab.has(w)) return w;
      if (w.endsWith('s') && vocab.has(w.slice(0, -1))) return w.slice(0, -1);
    }
  }
  return undefined;
}

export function isProductionName(name: string, policy: Policy): boolean {
  return mentions([name], policy.productionNames) !== undefined;
}
