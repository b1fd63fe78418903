import type { ScannedFiles } from '../../core/scanned-files.js';
import type { CredentialRefiner, ScanOutcome, Source, SourceFragment } from '../../core/source.js';
import type { Candidate, Credential, Location, RiskSignal } from '../../core/types.js';
import type { GitPlace } from '../../git/run.js';
import { ancestorsAmong } from './ancestors.js';
import { earlyWalk } from './early-walk.js';
import { type Change, NULL_OID, type RawWalk, historyWalk } from './log-walk.js';
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

/** A commit that replaced a blob at some path: with what (all zeros: deleted), when, where in the walk. */
type Replacement = [newOid: string, commit: string, date: string, seq: number];

const short = (sha: string) => sha.slice(0, 7);
const metaOf = (c: Change) => ({ path: c.path, source: 'history' as const, commit: c.commit, date: c.date });
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
  readonly stats: HistoryStats = {
    commits: 0,
    blobsScanned: 0,
    bytes: 0,
    binary: 0,
    oversize: 0,
    unreadable: 0,
  };
  /** Notes with the walk position they belong to: blobs settle in whatever order the threads answer. */
  private readonly gathered: Array<[at: number, note: string]> = [];
  /** Only for blobs that yielded candidates: (path, commit) -> blob. */
  private readonly origins = new Map<string, Origin>();
  /** Blobs seen again at another path or commit after their first: where. */
  private readonly aliases = new Map<string, Alias[]>();
  /** Credential fingerprint -> the commit that removed it from HEAD's line of history. */
  private readonly removedIn = new Map<string, { commit: string; date: string }>();
  /** Blobs yielded and not settled yet, and the later changes that replaced them meanwhile. */
  private readonly unsettled = new Map<string, Replacement[]>();
  /** Blobs that held candidates, and every later change that replaced one (the walk's own record). */
  private readonly replaced = new Map<string, Replacement[]>();

  /** The working tree's outcomes, when the audit scanned it in the same run (see reuse). */
  private scanned: ScannedFiles | undefined;

  constructor(private readonly opts: HistoryOptions) {}

  /**
   * HEAD's blobs are mostly the files on disk, already scanned as the working tree: a blob the
   * working tree held at the same path is settled with that outcome, never read or scanned again.
   */
  reuse(scanned: ScannedFiles): void {
    this.scanned = scanned;
  }

  notes(): string[] {
    const { binary } = this.stats;
    const inOrder = [...this.gathered].sort((a, b) => a[0] - b[0]).map(([, note]) => note);
    return binary ? [...inOrder, `history: skipped ${binary} binary blob(s)`] : inOrder;
  }

  /** The walk, once started (prepare or fragments); its outcome is final when its batches end. */
  private walk: RawWalk | undefined;

  /**
   * Starts git's walk now, read ahead of the scan: it runs while the sources before this one are
   * scanned (the pipeline calls prepare on every source when the run begins).
   */
  prepare(): void {
    this.started();
  }

  /** Whether git's walk, once started, has been read to its end (tests wait on this rather than on a sleep). */
  get walkRead(): boolean {
    return this.walk?.read ?? false;
  }

  private started(): RawWalk {
    // A walk the command line started before it loaded (early-walk.ts) is taken when it is this one.
    this.walk ??= earlyWalk.take(this.opts.cwd, this.opts.revs) ?? historyWalk(this.opts.cwd, this.opts.revs);
    return this.walk;
  }

  async close(): Promise<void> {
    await this.walk?.close();
  }

  async *fragments(): AsyncGenerator<SourceFragment> {
    const { cwd } = this.opts;
    const skipped = skipMatcher(this.opts.skip);
    const seen = new Set<string>();
    const walk = this.started();
    let yielded = 0;
    for await (const batch of walk.batches())
      for (const c of batch) {
        // Removals are found from this same walk (afterMerge keeps those on HEAD's line), for blobs
        // that turn out to hold a secret: kept while the blob is being scanned, dropped if it is clean.
        if (!NULL_OID.test(c.oldOid)) this.noteReplacement(c);
        if (!c.regularFile || NULL_OID.test(c.newOid) || skipped(c.path)) continue;
        if (seen.has(c.newOid)) {
          const list = this.aliases.get(c.newOid);
          const alias: Alias = [c.path, c.commit, c.date, c.seq];
          if (list) list.push(alias);
          else this.aliases.set(c.newOid, [alias]);
          continue;
        }
        seen.add(c.newOid);
        this.unsettled.set(c.newOid, []);
        const meta = metaOf(c);
        const at = yielded++;
        const settle = (o: ScanOutcome) => this.settle(o, c, at);
        // Only when the working tree was scanned: an await per blob is not free.
        const known = this.scanned ? await this.scanned.take(c.path, c.newOid, meta) : undefined;
        // Otherwise the scanning thread reads the blob itself, from its own cat-file.
        yield { meta, content: known ? { scanned: known } : { blob: c.newOid, repo: cwd }, settle };
      }
    this.lookAhead();
    const { outcome } = walk;
    this.stats.commits = outcome.commits;
    if (outcome.error)
      this.gathered.push([
        Number.POSITIVE_INFINITY,
        `history: the walk stopped early, later commits were not scanned: ${outcome.error}`,
      ]);
  }

  /**
   * What afterMerge asks git, asked as soon as the walk is drawn, while the threads scan its last
   * blobs, instead of after them: which blobs that hold or may yet hold a candidate HEAD's tree
   * has, and which of the commits that replaced them are HEAD's. Every blob a credential is found
   * in is one of those (each blob yielded is unsettled until its outcome comes, and kept as
   * replaced when it held a candidate), and the walk has noted every replacement by now.
   */
  private ahead: { atHead: Promise<Set<string>>; onHead: Promise<Set<string>> } | undefined;

  private lookAhead(): void {
    // Nothing found so far (most histories): afterMerge likely asks git nothing, and if a last
    // blob does hold a candidate it asks then. Two git processes are not started for nothing.
    if (this.replaced.size === 0) return;
    const blobs = new Set([...this.replaced.keys(), ...this.unsettled.keys()]);
    const commits = new Set<string>();
    for (const list of [...this.replaced.values(), ...this.unsettled.values()])
      for (const [, commit] of list) commits.add(commit);
    const atHead = this.blobsAtHeadAmong(blobs);
    const onHead = commits.size > 0 ? ancestorsAmong(this.opts.cwd, this.opts.head, commits) : Promise.resolve(commits);
    // Failures are reported where the answers are used (afterMerge may not need them at all).
    atHead.catch(() => undefined);
    onHead.catch(() => undefined);
    this.ahead = { atHead, onHead };
  }

  /** A change that replaced `oldOid`: kept when that blob holds (or may yet hold) a candidate. */
  private noteReplacement(c: Change): void {
    const r: Replacement = [c.newOid, c.commit, c.date, c.seq];
    (this.replaced.get(c.oldOid) ?? this.unsettled.get(c.oldOid))?.push(r);
  }

  private settle(o: ScanOutcome, c: Change, at: number): Candidate[] {
    const found = this.judge(o, c, at);
    const replacements = this.unsettled.get(c.newOid) ?? [];
    this.unsettled.delete(c.newOid);
    if (found.length > 0) this.replaced.set(c.newOid, replacements);
    return found;
  }

  private judge(o: ScanOutcome, c: Change, at: number): Candidate[] {
    const where = `${c.path} at ${short(c.commit)}`;
    if (o.unread === 'oversize') {
      this.stats.oversize++;
      this.gathered.push([at, `skipped ${where}: ${o.skipped}`]);
      return [];
    }
    if (o.unread) {
      this.stats.unreadable++;
      this.gathered.push([at, `history: could not read blob ${short(c.newOid)} (${where}): ${o.skipped}`]);
      return [];
    }
    if (o.skipped === 'binary') {
      this.stats.binary++;
      return [];
    }
    if (o.skipped) {
      // One blob that breaks the scan costs that blob only.
      this.stats.unreadable++;
      this.gathered.push([at, `history: could not scan ${where}: ${o.skipped}`]);
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

  /** Which of `wanted` sit in the head commit's tree (from the look-ahead when it was asked). */
  private async blobsAtHead(wanted: Set<string>): Promise<Set<string>> {
    if (!this.ahead) return this.blobsAtHeadAmong(wanted);
    const atHead = await this.ahead.atHead;
    return new Set([...wanted].filter((b) => atHead.has(b)));
  }

  /** Which of `wanted` sit in the head commit's tree (streamed: the tree is never held). */
  private async blobsAtHeadAmong(wanted: Set<string>): Promise<Set<string>> {
    const found = new Set<string>();
    for await (const { oid } of treeEntries(this.opts.cwd, this.opts.head)) if (wanted.has(oid)) found.add(oid);
    return found;
  }

  /**
   * Along HEAD's own history, the last commit that replaced or deleted a blob holding the
   * secret with one that does not: where it was removed. A secret that only ever lived on other
   * branches has no such commit. The replacements were noted during the walk; only whether their
   * commits are HEAD's is asked of git here (one `rev-list`, streamed, never held).
   */
  private async findRemovals(gone: Credential[], blobsOf: Map<Credential, Set<string>>): Promise<void> {
    const found = new Map<Credential, Replacement[]>();
    const commits = new Set<string>();
    for (const cred of gone) {
      const blobs = blobsOf.get(cred)!;
      const list = [...blobs].flatMap((b) => this.replaced.get(b) ?? []).filter(([newOid]) => !blobs.has(newOid));
      for (const [, commit] of list) commits.add(commit);
      if (list.length > 0) found.set(cred, list);
    }
    if (commits.size === 0) return;
    const onHead = this.ahead ? await this.ahead.onHead : await ancestorsAmong(this.opts.cwd, this.opts.head, commits);
    for (const [cred, list] of found) {
      const last = list
        .filter(([, commit]) => onHead.has(commit))
        .sort((a, b) => a[3] - b[3])
        .at(-1);
      if (last) this.removedIn.set(cred.fingerprint, { commit: last[1], date: last[2] });
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
