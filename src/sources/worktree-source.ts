import type { ScannedFiles } from '../core/scanned-files.js';
import type { Source, SourceFragment } from '../core/source.js';
import type { SkipLists } from './skip.js';
import { walkWorkTree } from './worktree.js';

/**
 * The working tree as fragments: each file the walk lists, read by the scanning thread that
 * scans it (reads run in parallel with detection). `files` and `notes` are the walk's, known once
 * the fragments have been drawn. With `scanned`, each file's outcome and blob id are kept there
 * for a later source (history) that meets the same blob at the same path.
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
    const walk = await walkWorkTree(this.root, this.lists);
    this.notes.push(...walk.notes);
    this.files = walk.files.length;
    const scanned = this.scanned;
    try {
      for (const t of walk.files) {
        const meta = { path: t.path, source: t.source };
        if (!scanned) {
          yield { meta, content: { file: t.abs } };
          continue;
        }
        scanned.drawn(t.path);
        yield {
          meta,
          content: { file: t.abs, blobId: true },
          scanned: (o) => scanned.record(t.path, o),
        };
      }
    } finally {
      scanned?.finished();
    }
  }
}
