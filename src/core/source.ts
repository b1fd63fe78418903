import type { Candidate, Credential, Fragment, RiskSignal } from './types.js';

/**
 * Where a fragment came from: its path, source label, and for git content the commit (and its
 * author date) and blob; `firstLine` when the text starts inside a file; `section` when a
 * credential store says whose it is (a profile, a host).
 */
export interface FragmentMeta extends Omit<Fragment, 'text'> {
  section?: string;
}

/**
 * What a scanning thread reads: text already in hand, raw bytes (decoded there: UTF-16, binary
 * or UTF-8), or a file it reads itself (so reads run in parallel with detection).
 */
export type FragmentContent = { text: string } | { bytes: Uint8Array } | { file: string };

/** What the scanning threads made of one fragment. */
export interface ScanOutcome {
  found: Candidate[];
  /** Bytes read and scanned (0 when skipped). */
  bytes: number;
  /** Why nothing was scanned: `binary`, over the size cap, unreadable... */
  skipped?: string;
  /** What the detector gave up on (a config rule over its time budget). */
  notes?: string[];
}

/** A fragment as it travels to a scanning thread: content and where it came from, nothing else. */
export interface PlainFragment {
  meta: FragmentMeta;
  content: FragmentContent;
}

/**
 * Asks the scanning threads for more fragments (a range's versions before a change, HEAD's
 * version of a file): the outcomes come back in the order asked.
 */
export type ScanMore = (fragments: PlainFragment[]) => Promise<ScanOutcome[]>;

/** A unit of content a source yields. */
export interface SourceFragment extends PlainFragment {
  /**
   * On the main thread, once the fragment is scanned: what the source makes of what was found
   * (locate each candidate at its variable, keep only what a change added, remember which blob
   * held a secret). Without it, candidates are kept as found and a skipped fragment is a note.
   */
  settle?(outcome: ScanOutcome, scan: ScanMore): Candidate[] | Promise<Candidate[]>;
}

/**
 * A source yields fragments and nothing else: it never detects (the scanning pool does), so the
 * working tree, history, a range, the index, stdin, home and the environment all run on the same
 * threads. `notes` are gathered while the fragments were yielded (unreadable objects, a walk cut
 * short).
 */
export interface Source {
  fragments(): AsyncIterable<SourceFragment>;
  /** Called once every fragment is settled: what settling needed (a look-back reader) can go. */
  close?(): void | Promise<void>;
}

/**
 * A source's say after the merge, for what only it knows: git history keeps each credential's
 * introductions and whether HEAD still holds it, then says "removed in abc1234".
 */
export interface CredentialRefiner {
  /** After the merge, before inspection: may rewrite locations (attribution); may scan more. */
  afterMerge?(credentials: Credential[], scan: ScanMore): Promise<void>;
  /** After assessment: risks the credential's places imply; severities go through the policy. */
  risks?(credential: Credential): RiskSignal[];
  /** Notes gathered while the source ran (unreadable objects, skipped blobs). */
  notes?(): string[];
}
