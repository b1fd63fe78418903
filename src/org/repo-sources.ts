import type { CandidateSource, CredentialRefiner } from '../core/audit.js';
import type { Candidate, Credential, Location, RiskSignal } from '../core/types.js';
import type { Detector } from '../detect/engine.js';
import { decode } from '../sources/read.js';
import { BlobReader } from '../sources/history/cat-file.js';
import { HistoryScan } from '../sources/history/history.js';
import { skipMatcher } from '../sources/history/skip.js';
import { nulTokens, spawnGit } from '../sources/history/spawn.js';

export interface RepoScanOptions {
  /** The repository's short name: every path it yields starts with `name/`. */
  name: string;
  /** The bare mirror. */
  dir: string;
  /** The commit of the default branch (the mirror's HEAD). */
  head: string;
  skip: string[];
  maxFileSize: number;
}

const prefixOf = (name: string) => `${name}/`;

async function* prefixed(candidates: AsyncIterable<Candidate>, name: string): AsyncGenerator<Candidate> {
  for await (const c of candidates) {
    c.location.path = prefixOf(name) + c.location.path;
    yield c;
  }
}

/**
 * The default branch's tree, read from the bare mirror (it has no working tree): every blob at
 * HEAD, scanned once, reported as `tracked` at `name/path` with HEAD's commit. These are the
 * places to fix now; the history source says where each secret first came in.
 */
export function headTreeSource(opts: RepoScanOptions, notes: string[]): CandidateSource {
  return (detector) => prefixed(scanHeadTree(opts, detector, notes), opts.name);
}

async function* scanHeadTree(opts: RepoScanOptions, detector: Detector, notes: string[]): AsyncGenerator<Candidate> {
  const skipped = skipMatcher(opts.skip);
  const reader = new BlobReader(opts.dir, opts.maxFileSize);
  const queue: string[] = [];
  const feeding = (async () => {
    const child = spawnGit(opts.dir, ['ls-tree', '-r', '-z', '--full-tree', opts.head]);
    child.proc.stdin.end();
    try {
      for await (const entry of nulTokens(child.proc.stdout)) {
        if (reader.closed) break;
        // `<mode> <type> <oid>\t<path>`: symlinks (120000) and submodules (commit) hold no text of ours.
        const tab = entry.indexOf('\t');
        const [mode, type, oid] = entry.slice(0, tab).split(' ');
        const path = entry.slice(tab + 1);
        if (type !== 'blob' || mode === '120000' || !oid || skipped(path)) continue;
        queue.push(path);
        await reader.request(oid);
      }
      if ((await child.exited) !== 0)
        notes.push(`${opts.name}: could not list the default branch: ${child.complaint()}`);
    } finally {
      reader.end();
    }
  })();
  try {
    for await (const answer of reader.read()) {
      const path = queue.shift()!;
      if (answer.kind === 'oversize') {
        notes.push(
          `skipped ${opts.name}/${path}: larger than the size cap (${answer.size} > ${opts.maxFileSize} bytes)`,
        );
        continue;
      }
      if (answer.kind !== 'blob') continue;
      const decoded = decode(answer.content);
      if ('binary' in decoded) continue;
      yield* detector.scan({ text: decoded.text, path, source: 'tracked', commit: opts.head });
    }
  } finally {
    reader.close();
  }
  await feeding;
}

/**
 * The history scan of one mirror inside an org-wide audit. The org's credentials are merged
 * across repositories (one token in five repositories is inspected once), while HistoryScan
 * knows paths of its own repository only: each call sees a view of the credential holding just
 * this repository's locations, unprefixed, and what it decides is written back prefixed.
 */
export class RepoHistory implements CredentialRefiner {
  private readonly inner: HistoryScan;

  constructor(private readonly opts: RepoScanOptions) {
    this.inner = new HistoryScan({
      cwd: opts.dir,
      revs: ['--all'],
      head: opts.head,
      skip: opts.skip,
      maxFileSize: opts.maxFileSize,
    });
  }

  readonly source: CandidateSource = (detector) => prefixed(this.inner.source(detector), this.opts.name);

  private mine(l: Location): boolean {
    return l.path.startsWith(prefixOf(this.opts.name));
  }

  private view(c: Credential): Credential {
    const cut = prefixOf(this.opts.name).length;
    return { ...c, locations: c.locations.filter((l) => this.mine(l)).map((l) => ({ ...l, path: l.path.slice(cut) })) };
  }

  async afterMerge(credentials: Credential[]): Promise<void> {
    const pairs = credentials
      .filter((c) => c.locations.some((l) => this.mine(l)))
      .map((c) => [c, this.view(c)] as const);
    await this.inner.afterMerge(pairs.map(([, v]) => v));
    const prefix = prefixOf(this.opts.name);
    for (const [cred, v] of pairs) {
      cred.locations = [
        ...cred.locations.filter((l) => !this.mine(l)),
        ...v.locations.map((l) => ({ ...l, path: prefix + l.path })),
      ];
    }
  }

  risks(credential: Credential): RiskSignal[] {
    if (!credential.locations.some((l) => this.mine(l))) return [];
    return this.inner.risks(this.view(credential)).map((r) => ({ ...r, message: `${this.opts.name}: ${r.message}` }));
  }

  notes(): string[] {
    return this.inner.notes().map((n) => `${this.opts.name}: ${n}`);
  }
}
