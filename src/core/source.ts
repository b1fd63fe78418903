import type { Detector } from '../detect/engine.js';
import type { Candidate, Credential, RiskSignal } from './types.js';

/** A source other than the working tree (stdin, git history, home, environment) yields candidates. */
export type CandidateSource = (detector: Detector) => AsyncIterable<Candidate>;

/**
 * A source's say after the merge, for what only it knows: git history keeps each credential's
 * first introduction and whether HEAD still holds it, then says "removed in abc1234".
 */
export interface CredentialRefiner {
  /** After the merge, before inspection: may rewrite locations (attribution). */
  afterMerge?(credentials: Credential[]): Promise<void>;
  /** After assessment: risks the credential's places imply; severities go through the policy. */
  risks?(credential: Credential): RiskSignal[];
  /** Notes gathered while the source ran (unreadable objects, skipped blobs). */
  notes?(): string[];
}
