import type { Source, SourceFragment } from '../core/source.js';
import type { SkipLists } from './skip.js';
import { walkWorkTree } from './worktree.js';

/**
 * The working tree as fragments: each file the walk lists, read by the scanning thread that
 * scans it (reads run in parallel with detection). `files` and `notes` are the walk's, known once
 * the fragments have been drawn.
 */
export class WorkTreeSource implements Source {
  files = 0;
  readonly notes: string[] = [];

  constructor(
    private readonly root: string,
    private readonly lists: SkipLists,
  ) {}

  async *fragments(): AsyncGenerator<SourceFragment> {
    const walk = await walkWorkTree(this.root, this.lists);
    this.notes.push(...walk.notes);
    this.files = walk.files.length;
    for (const t of walk.files) yield { meta: { path: t.path, source: t.source }, content: { file: t.abs } };
  }
}
