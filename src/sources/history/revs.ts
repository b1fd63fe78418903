import { git } from '../git.js';

/** Every ref's tips plus every stash entry (only the newest stash is a ref; the rest live in its reflog). */
export async function allRevs(dir: string): Promise<string[]> {
  const revs = ['--all'];
  try {
    const stashes = (await git(dir, ['log', '-g', '--format=%H', 'refs/stash', '--'])).split('\n').filter(Boolean);
    revs.push(...stashes.slice(1));
  } catch {
    // No stash.
  }
  return revs;
}
