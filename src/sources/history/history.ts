import type { CredentialRefiner, ScanOutcome, Source, SourceFragment } from '../../core/source.js';
import type { Candidate, Credential, Location, RiskSignal } from '../../core/types.js';
import type { GitPlace } from '../../git/run.js';
import { type BlobAnswer, readBlobs } from './cat-file.js';
import { type Change, NULL_OID, type WalkOutcome, walkChanges, walkIntroductions } from './log-walk.js';
import { skipMatcher } from './skip.js';
import { treeEntries } from './tree.js';

export interface HistoryOptions {
  /** A directory inside the repository, or an explicit git directory (a bare mirror). */
  cwd: GitPlace;
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

/** A later place a blob already scanned appeared at (a copy, a rename, another branch): path, commit, date, seq. */
type Alias = [path: string, commit: string, date: string, seq: number];

const short = (sha: string) => sha.slice(0, 7);
const originKey = (path: string, commit: string) => `${path}\0${commit}`;

/**
 * Every blob reachable from the chosen refs, scanned exactly once. One `git log --raw` walk
 * names each blob at the first commit that brought it in (path and author date there); one
 * long-lived `git cat-file --batch` streams the contents of the blobs not seen before, as
 * fragments for the scanning threads. After the merge, each credential keeps one history
 * location per path it was introduced at (the earliest commit there), and learns whether it is
 * still present at HEAD and, when it is not, which commit removed it.
 */
export class HistoryScan implements CredentialRefiner, Source {
  readonly stats: HistoryStats = { commits: 0, blobsScanned: 0, bytes: 0, binary: 0, oversize: 0, unreadable: 0 };
  private readonly gathered: string[] = [];
  /** Only for blobs that yielded candidates: (path, commit) -> blob. */
  private readonly origins = new Map<string, Origin>();
  /** Blobs seen again at another path or commit after their first: where. */
  private readonly aliases = new Map<string, Alias[]>();
  /** Credential fingerprint -> the commit that removed it from HEAD's line of history. */
  private readonly removedIn = new Map<string, { commit: string; date: string }>();

  constructor(private readonly opts: HistoryOptions) {}

  notes(): string[] {
    const { binary } = this.stats;
    return binary ? [...this.gathered, `history: skipped ${binary} binary blob(s)`] : this.gathered;
  }

  async *fragments(): AsyncGenerator<SourceFragment> {
    const { cwd, revs, maxFileSize } = this.opts;
    const skipped = skipMatcher(this.opts.skip);
    const seen = new Set<string>();
    const walk: WalkOutcome = { commits: 0 };
    const changes = walkIntroductions(cwd, revs, walk);
    const fresh = (c: Change) => {
      if (skipped(c.path)) return undefined;
      if (seen.has(c.newOid)) {
        const list = this.aliases.get(c.newOid);
        const alias: Alias = [c.path, c.commit, c.date, c.seq];
        if (list) list.push(alias);
        else this.aliases.set(c.newOid, [alias]);
        return undefined;
      }
      seen.add(c.newOid);
      return c.newOid;
    };
    for await (const [c, answer] of readBlobs(cwd, maxFileSize, changes, fresh)) {
      const f = this.fragmentOf(answer, c);
      if (f) yield f;
    }
    this.stats.commits = walk.commits;
    if (walk.error)
      this.gathered.push(`history: the walk stopped early, later commits were not scanned: ${walk.error}`);
  }

  /** One answer of cat-file: a fragment when it is a blob within the cap, counted and noted when not. */
  private fragmentOf(answer: BlobAnswer, c: Change): SourceFragment | undefined {
    const where = `${c.path} at ${short(c.commit)}`;
    if (answer.kind === 'oversize') {
      this.stats.oversize++;
      this.gathered.push(
        `skipped ${where}: larger than the size cap (${answer.size} > ${this.opts.maxFileSize} bytes)`,
      );
      return undefined;
    }
    if (answer.kind !== 'blob') {
      this.stats.unreadable++;
      this.gathered.push(`history: could not read blob ${short(c.newOid)} (${where}): ${answer.reason}`);
      return undefined;
    }
    return {
      meta: { path: c.path, source: 'history', commit: c.commit, date: c.date },
      content: { bytes: answer.content },
      settle: (o) => this.settle(o, c),
    };
  }

  private settle(o: ScanOutcome, c: Change): Candidate[] {
    if (o.skipped === 'binary') {
      this.stats.binary++;
      return [];
    }
    if (o.skipped) {
      // One blob that breaks the scan costs that blob only.
      this.stats.unreadable++;
      this.gathered.push(`history: could not scan ${c.path} at ${short(c.commit)}: ${o.skipped}`);
      return [];
    }
    this.stats.blobsScanned++;
    this.stats.bytes += o.bytes;
    if (o.found.length > 0) this.origins.set(originKey(c.path, c.commit), { oid: c.newOid, seq: c.seq });
    return o.found;
  }

  /**
   * Keeps, for each path a credential was introduced at, the earliest commit there (a blob seen
   * again at another path, by a copy, a rename or on another branch, is that path's introduction
   * too), and marks whether HEAD still holds it.
   */
  async afterMerge(credentials: Credential[]): Promise<void> {
    const withHistory = credentials.filter((c) => c.locations.some((l) => l.source === 'history' && l.commit));
    if (withHistory.length === 0) return;
    const blobsOf = new Map<Credential, Set<string>>();
    const allBlobs = new Set<string>();
    for (const cred of withHistory) {
      const blobs = new Set<string>();
      const byPath = new Map<string, { loc: Location; seq: number }>();
      const consider = (loc: Location, seq: number) => {
        const prev = byPath.get(loc.path);
        if (!prev || seq < prev.seq || (seq === prev.seq && loc.line < prev.loc.line))
          byPath.set(loc.path, { loc, seq });
      };
      for (const loc of cred.locations) {
        const origin =
          loc.source === 'history' && loc.commit ? this.origins.get(originKey(loc.path, loc.commit)) : undefined;
        if (!origin) continue;
        blobs.add(origin.oid);
        allBlobs.add(origin.oid);
        consider(loc, origin.seq);
        for (const [path, commit, date, seq] of this.aliases.get(origin.oid) ?? [])
          consider({ ...loc, path, commit, date }, seq);
      }
      blobsOf.set(cred, blobs);
      if (byPath.size > 0) {
        const introduced = [...byPath.values()].sort((a, b) => a.seq - b.seq).map((e) => e.loc);
        cred.locations = [...cred.locations.filter((l) => l.source !== 'history'), ...introduced];
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
    for await (const { oid } of treeEntries(this.opts.cwd, this.opts.head)) if (wanted.has(oid)) found.add(oid);
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
