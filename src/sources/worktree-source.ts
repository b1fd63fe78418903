import { sep } from 'node:path';
import type { ScannedFiles } from '../core/scanned-files.js';
import type { Source, SourceFragment } from '../core/source.js';
import type { SkipLists } from './skip.js';
import { walkWorkTree } from './worktree.js';

/**
 * The working tree as fragments: each file the walk reaches, as it reaches it, read by the
 * scanning thread that scans it (reads run in parallel with detection and with the walk).
 * `files` and `notes` are the walk's, known once the fragments have been drawn. With `scanned`,
 * each file's outcome and blob id are kept there for a later source (history) that meets the
 * same blob at the same path.
 */
export class WorkTreeSource implements Source {
  files = 0;
  readonly notes: string[] = [];

  constructor(
    private readonly root: string,
    private readonly lists: SkipLists,
    private readonly scanned?: ScannedFiles,
  ) {}

  async *fragments(): AsyncGenerator<SourceFragment> {
    const scanned = this.scanned;
    // The walk's paths are names read from folders, never `.` or `..`: joined by hand, not
    // normalised once per file (path.join), for the thousands a tree holds.
    const under = this.root.endsWith(sep) ? this.root : `${this.root}${sep}`;
    try {
      for await (const t of walkWorkTree(this.root, this.lists, this.notes)) {
        this.files++;
        const meta = { path: t.path, source: t.source };
        const file = under + (sep === '/' ? t.path : t.path.replaceAll('/', sep));
        if (!scanned) {
          yield { meta, content: { file } };
          continue;
        }
        scanned.drawn(t.path);
        yield { meta, content: { file, blobId: true }, scanned: (o) => scanned.record(t.path, o) };
      }
    } finally {
      scanned?.finished();
    }
  }
}
