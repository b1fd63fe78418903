import { join } from 'node:path';
import type { Source, SourceFragment } from '../core/source.js';
import type { SkipLists } from './skip.js';
import { type FileTask, walkWorkTree } from './worktree.js';

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
    const files: (FileTask | undefined)[] = walk.files;
    for (let i = 0; i < files.length; i++) {
      const t = files[i]!;
      // Let go of each file once handed on: the list shrinks as the scan goes.
      files[i] = undefined;
      yield { meta: { path: t.path, source: t.source }, content: { file: join(this.root, t.path) } };
    }
  }
}
