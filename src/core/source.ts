import type { ScannedFiles } from './scanned-files.js';
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
 * or UTF-8), or a file it reads itself (so reads run in parallel with detection). `blobId`: also
 * say which git blob the file's bytes are (`ScanOutcome.blob`), so a later source holding the same
 * blob at the same path need not scan it again (see ScannedFiles).
 */
export type FragmentContent =
  | { text: string }
  | { bytes: Uint8Array }
  | { file: string; blobId?: true }
  | GitBlob
  | Scanned;

/**
 * A git blob, read by the scanning thread itself from the repository at `repo` (a directory in
 * it, or its git directory), so blob contents never pass through the main thread.
 */
export interface GitBlob {
  blob: string;
  repo: string | { gitDir: string };
}

/**
 * A fragment already scanned in this run: the same bytes at the same path, found by an earlier
 * source (history meeting a working-tree file's blob). The pipeline settles it at once, with this
 * outcome, and no thread reads it again.
 */
export interface Scanned {
  scanned: ScanOutcome;
}

/** What the scanning threads made of one fragment. */
export interface ScanOutcome {
  found: Candidate[];
  /** Bytes read and scanned (0 when skipped). */
  bytes: number;
  /** Why nothing was scanned: `binary`, over the size cap, unreadable... */
  skipped?: string;
  /** What the detector gave up on (a config rule over its time budget). */
  notes?: string[];
  /** The git blob id (SHA-1) of the bytes scanned, when the fragment asked for it (`blobId`). */
  blob?: string;
  /** A git blob that was not read: over the size cap, or missing, corrupt, not a blob (`skipped` says which). */
  unread?: 'oversize' | 'unreadable';
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
  /** Told what scanning came to, whether or not there is a `settle` (the working tree keeps it for history). */
  scanned?(outcome: ScanOutcome): void;
}

/**
 * A source yields fragments and nothing else: it never detects (the scanning pool does), so the
 * working tree, history, a range, the index, stdin, home and the environment all run on the same
 * threads. `notes` are gathered while the fragments were yielded (unreadable objects, a walk cut
 * short).
 */
export interface Source {
  fragments(): AsyncIterable<SourceFragment>;
  /**
   * Called on every source when the run begins: a source may start its slow producer (git's
   * history walk) so it works while the sources before it are scanned.
   */
  prepare?(): void;
  /** Called once every fragment is settled: what settling needed (a look-back reader) can go. */
  close?(): void | Promise<void>;
  /**
   * For a source that meets the working tree's files again (history: HEAD's blobs are mostly the
   * files on disk): the working tree's outcomes, to settle the same blob at the same path with
   * instead of scanning it twice.
   */
  reuse?(scanned: ScannedFiles): void;
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
