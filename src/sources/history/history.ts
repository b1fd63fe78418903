import type { CandidateSource, CredentialRefiner } from '../../core/audit.js';
import type { Candidate, Credential, Location, RiskSignal } from '../../core/types.js';
import type { Detector } from '../../detect/engine.js';
import { decode } from '../read.js';
import { type BlobAnswer, BlobReader } from './cat-file.js';
import { type Change, NULL_OID, type WalkOutcome, walkChanges, walkIntroductions } from './log-walk.js';
import { skipMatcher } from './skip.js';
import { spawnGit, nulTokens } from './spawn.js';

export interface HistoryOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** What to walk: `--all` (plus stash entries) or one ref. */
  revs: string[];
  /** The tree that counts as "now" for presentAtHead: HEAD, or the --branch ref. */
  head: string;
  skip: string[];
  maxFileSize: number;
}

export interface HistoryStats {
  commits: number;
  /** Distinct blobs read and scanned (each at most once, whatever the number of commits holding it). */
  blobsScanned: number;
  /** Bytes of unique blob content scanned. */
  bytes: number;
  binary: number;
  oversize: number;
  unreadable: number;
}

/** Where a history candidate came from: the blob, and its place in the walk. */
interface Origin {
  oid: string;
  seq: number;
}

const short = (sha: string) => sha.slice(0, 7);
const originKey = (path: string, commit: string) => `${path}\0${commit}`;

/**
 * Every blob reachable from the chosen refs, scanned exactly once. One `git log --raw` walk
 * names each blob at the first commit that brought it in (path and author date there); one
 * long-lived `git cat-file --batch` streams the contents of the blobs not seen before. After the
 * merge, each credential keeps one history location, the commit that first introduced it, and
 * learns whether it is still present at HEAD and, when it is not, which commit removed it.
 */
export class HistoryScan implements CredentialRefiner {
  readonly stats: HistoryStats = { commits: 0, blobsScanned: 0, bytes: 0, binary: 0, oversize: 0, unreadable: 0 };
  private readonly gathered: string[] = [];
  /** Only for blobs that yielded candidates: (path, commit) -> blob. */
  private readonly origins = new Map<string, Origin>();
  /** Credential fingerprint -> the commit that removed it from HEAD's line of history. */
  private readonly removedIn = new Map<string, { commit: string; date: string }>();

  constructor(private readonly opts: HistoryOptions) {}

  readonly source: CandidateSource = (detector) => this.scan(detector);

  notes(): string[] {
    return this.gathered;
  }

  private async *scan(detector: Detector): AsyncGenerator<Candidate> {
    const { cwd, revs, maxFileSize } = this.opts;
    const skipped = skipMatcher(this.opts.skip);
    const reader = new BlobReader(cwd, maxFileSize);
    const seen = new Set<string>();
    const queue: Change[] = [];
    const walk: WalkOutcome = { commits: 0 };
    let walkFailure: unknown;
    const feeding = (async () => {
      try {
        for await (const c of walkIntroductions(cwd, revs, walk)) {
          if (reader.closed) break;
          if (seen.has(c.newOid) || skipped(c.path)) continue;
          seen.add(c.newOid);
          queue.push(c);
          await reader.request(c.newOid);
        }
      } catch (e) {
        walkFailure = e;
      } finally {
        reader.end();
      }
    })();

    try {
      for await (const answer of reader.read()) {
        const c = queue.shift()!;
        const found = this.take(answer, c, detector);
        if (found.length > 0) yield* found;
      }
    } finally {
      // The consumer may stop early (an error downstream): no git process outlives the scan.
      reader.close();
    }
    await feeding;
    this.stats.commits = walk.commits;
    if (walkFailure) throw walkFailure;
    if (walk.error)
      this.gathered.push(`history: the walk stopped early, later commits were not scanned: ${walk.error}`);
  }

  /** One answer of cat-file: scanned when it is text within the cap, counted and noted when not. */
  private take(answer: BlobAnswer, c: Change, detector: Detector): Candidate[] {
    const where = `${c.path} at ${short(c.commit)}`;
    if (answer.kind === 'oversize') {
      this.stats.oversize++;
      this.gathered.push(
        `skipped ${where}: larger than the size cap (${answer.size} > ${this.opts.maxFileSize} bytes)`,
      );
      return [];
    }
    if (answer.kind !== 'blob') {
      this.stats.unreadable++;
      this.gathered.push(`history: could not read blob ${short(c.newOid)} (${where}): ${answer.reason}`);
      return [];
    }
    const decoded = decode(answer.content);
    if ('binary' in decoded) {
      this.stats.binary++;
      return [];
    }
    this.stats.blobsScanned++;
    this.stats.bytes += answer.size;
    const found = detector.scan({
      text: decoded.text,
      path: c.path,
      source: 'history',
      commit: c.commit,
      date: c.date,
    });
    if (found.length > 0) this.origins.set(originKey(c.path, c.commit), { oid: c.newOid, seq: c.seq });
    return found;
  }

  /** Keeps each credential's first introduction and marks whether HEAD still holds it. */
  async afterMerge(credentials: Credential[]): Promise<void> {
    const withHistory = credentials.filter((c) => c.locations.some((l) => l.source === 'history' && l.commit));
    if (withHistory.length === 0) return;
    const blobsOf = new Map<Credential, Set<string>>();
    const allBlobs = new Set<string>();
    for (const cred of withHistory) {
      const blobs = new Set<string>();
      let first: { loc: Location; seq: number } | undefined;
      for (const loc of cred.locations) {
        const origin =
          loc.source === 'history' && loc.commit ? this.origins.get(originKey(loc.path, loc.commit)) : undefined;
        if (!origin) continue;
        blobs.add(origin.oid);
        allBlobs.add(origin.oid);
        if (!first || origin.seq < first.seq || (origin.seq === first.seq && loc.line < first.loc.line))
          first = { loc, seq: origin.seq };
      }
      blobsOf.set(cred, blobs);
      if (first) {
        // One history location: the commit that first introduced the secret, where it sat then.
        const kept = first.loc;
        cred.locations = cred.locations.filter((l) => l.source !== 'history' || l === kept);
      }
    }
    const atHead = await this.blobsAtHead(allBlobs);
    const gone: Credential[] = [];
    for (const cred of withHistory) {
      const present = [...blobsOf.get(cred)!].some((b) => atHead.has(b));
      for (const loc of cred.locations) if (loc.source === 'history') loc.presentAtHead = present;
      if (!present) gone.push(cred);
    }
    if (gone.length > 0) await this.findRemovals(gone, blobsOf);
  }

  /** Which of `wanted` sit in the head commit's tree (streamed: the tree is never held). */
  private async blobsAtHead(wanted: Set<string>): Promise<Set<string>> {
    const found = new Set<string>();
    // The audited folder's part of the tree (ls-tree lists from the current folder without --full-tree).
    const child = spawnGit(this.opts.cwd, ['ls-tree', '-r', '-z', this.opts.head]);
    child.proc.stdin.end();
    for await (const entry of nulTokens(child.proc.stdout)) {
      // `<mode> blob <oid>\t<path>`
      const oid = entry.slice(entry.indexOf(' ', entry.indexOf(' ') + 1) + 1, entry.indexOf('\t'));
      if (wanted.has(oid)) found.add(oid);
    }
    await child.exited;
    return found;
  }

  /**
   * Along HEAD's own history, the last commit that replaced or deleted a blob holding the
   * secret with one that does not: where it was removed. A secret that only ever lived on other
   * branches has no such commit.
   */
  private async findRemovals(gone: Credential[], blobsOf: Map<Credential, Set<string>>): Promise<void> {
    const byBlob = new Map<string, Credential[]>();
    for (const cred of gone) {
      for (const b of blobsOf.get(cred)!) byBlob.set(b, [...(byBlob.get(b) ?? []), cred]);
    }
    const outcome: WalkOutcome = { commits: 0 };
    for await (const c of walkChanges(this.opts.cwd, [this.opts.head], outcome)) {
      if (NULL_OID.test(c.oldOid)) continue;
      for (const cred of byBlob.get(c.oldOid) ?? []) {
        if (!blobsOf.get(cred)!.has(c.newOid)) this.removedIn.set(cred.fingerprint, { commit: c.commit, date: c.date });
      }
    }
  }

  /** "removed in abc1234, still in history": a deleted secret is still exposed. */
  risks(credential: Credential): RiskSignal[] {
    const loc = credential.locations.find((l) => l.source === 'history' && l.presentAtHead === false);
    if (!loc?.commit) return [];
    const removed = this.removedIn.get(credential.fingerprint);
    const message = removed
      ? `removed in ${short(removed.commit)} (${removed.date.slice(0, 10)}), still in history (added in ${short(loc.commit)})`
      : `not in ${this.opts.head}, still in history on other refs (added in ${short(loc.commit)})`;
    return [{ id: 'removed-but-in-history', severity: 'info', message }];
  }
}
