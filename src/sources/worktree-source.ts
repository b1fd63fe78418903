import { join } from 'node:path';
import type { ScannedFiles } from '../core/scanned-files.js';
import type { Source, SourceFragment } from '../core/source.js';
import type { SkipLists } from './skip.js';
import { type FileTask, walkWorkTree } from './worktree.js';

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
    const files: (FileTask | undefined)[] = walk.files;
    try {
      for (let i = 0; i < files.length; i++) {
        const t = files[i]!;
        // Let go of each file once handed on: the list shrinks as the scan goes.
        files[i] = undefined;
        const meta = { path: t.path, source: t.source };
        const file = join(this.root, t.path);
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
