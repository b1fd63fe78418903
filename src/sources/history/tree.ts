import type { GitPlace } from '../../git/run.js';
import { nulTokens, spawnGit } from './spawn.js';

/** One entry of a commit's tree. */
export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

/**
 * Every entry of the tree of `commit`, recursively, streamed (`git ls-tree -r -z`): the tree is
 * never held. `onError` hears git's complaint when the listing failed.
 */
export async function* treeEntries(
  place: GitPlace,
  commit: string,
  onError?: (complaint: string) => void,
): AsyncGenerator<TreeEntry> {
  const child = spawnGit(place, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
  child.proc.stdin.end();
  try {
    for await (const entry of nulTokens(child.proc.stdout)) {
      // `<mode> <type> <oid>\t<path>`
      const tab = entry.indexOf('\t');
      const [mode = '', type = '', oid = ''] = entry.slice(0, tab).split(' ');
      yield { mode, type, oid, path: entry.slice(tab + 1) };
    }
  } finally {
    if (child.proc.exitCode === null) child.proc.kill();
  }
  const code = await child.exited;
  if (code !== 0) onError?.(child.complaint() || `git ls-tree exited with ${code}`);
}
