import type { CredentialRefiner, Source, SourceFragment } from '../core/source.js';
import type { Credential, Location, RiskSignal } from '../core/types.js';
import { readBlobs } from '../sources/history/cat-file.js';
import { HistoryScan } from '../sources/history/history.js';
import { skipMatcher } from '../sources/history/skip.js';
import { type TreeEntry, treeEntries } from '../sources/history/tree.js';

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

/** A source's fragments with every path under `name/`: the org's report names the repository. */
async function* prefixed(fragments: AsyncIterable<SourceFragment>, name: string): AsyncGenerator<SourceFragment> {
  for await (const f of fragments) yield { ...f, meta: { ...f.meta, path: prefixOf(name) + f.meta.path } };
}

/**
 * The default branch's tree, read from the bare mirror (it has no working tree): every blob at
 * HEAD, scanned once, reported as `tracked` at `name/path` with HEAD's commit. These are the
 * places to fix now; the history source says where each secret first came in.
 */
export function headTreeSource(opts: RepoScanOptions, notes: string[]): Source {
  return { fragments: () => headTree(opts, notes) };
}

async function* headTree(opts: RepoScanOptions, notes: string[]): AsyncGenerator<SourceFragment> {
  const skipped = skipMatcher(opts.skip);
  const place = { gitDir: opts.dir };
  const listed = treeEntries(place, opts.head, (why) =>
    notes.push(`${opts.name}: could not list the default branch: ${why}`),
  );
  // Symlinks (120000) and submodules (commit) hold no text of ours.
  const wanted = (e: TreeEntry) =>
    e.type !== 'blob' || e.mode === '120000' || !e.oid || skipped(e.path) ? undefined : e.oid;
  for await (const [{ path }, answer] of readBlobs(place, opts.maxFileSize, listed, wanted)) {
    if (answer.kind === 'oversize') {
      notes.push(`skipped ${opts.name}/${path}: larger than the size cap (${answer.size} > ${opts.maxFileSize} bytes)`);
      continue;
    }
    if (answer.kind !== 'blob') continue;
    yield {
      meta: { path: prefixOf(opts.name) + path, source: 'tracked', commit: opts.head },
      content: { bytes: answer.content },
      // Binary blobs are expected and not news; the rest as found.
      settle: (o) => o.found,
    };
  }
}

/**
 * The history scan of one mirror inside an org-wide audit. The org's credentials are merged
 * across repositories (one token in five repositories is inspected once), while HistoryScan
 * knows paths of its own repository only: each call sees a view of the credential holding just
 * this repository's locations, unprefixed, and what it decides is written back prefixed.
 */
export class RepoHistory implements CredentialRefiner, Source {
  private readonly inner: HistoryScan;

  constructor(private readonly opts: RepoScanOptions) {
    this.inner = new HistoryScan({
      cwd: { gitDir: opts.dir },
      revs: ['--all'],
      head: opts.head,
      skip: opts.skip,
    });
  }

  fragments(): AsyncGenerator<SourceFragment> {
    return prefixed(this.inner.fragments(), this.opts.name);
  }

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
