import { type Ignore, makeIgnore } from '../sources/ignore.js';
import type { Candidate, Credential } from '../core/types.js';

export interface Allowlist {
  paths: string[];
  rules: string[];
  fingerprints: string[];
}

/** What the config says not to report: by path glob (gitignore syntax), rule id, or fingerprint. */
export class AllowFilter {
  private readonly paths: Ignore;
  private readonly rules: Set<string>;
  private readonly fingerprints: Set<string>;
  suppressed = 0;

  constructor(list: Allowlist) {
    this.paths = makeIgnore().add(list.paths);
    this.rules = new Set(list.rules);
    this.fingerprints = new Set(list.fingerprints);
  }

  keepCandidate(c: Candidate): boolean {
    const path = c.location.path.replace(/^\/+/, '');
    const allowed = this.rules.has(c.ruleId) || (path !== '' && !path.startsWith('..') && this.paths.ignores(path));
    if (allowed) this.suppressed++;
    return !allowed;
  }

  keepCredential(c: Credential): boolean {
    const allowed = this.fingerprints.has(c.fingerprint);
    if (allowed) this.suppressed++;
    return !allowed;
  }
}
