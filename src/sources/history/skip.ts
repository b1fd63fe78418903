import { makeIgnore } from '../ignore.js';

/**
 * The worktree's skip globs, applied to paths inside commits. The worktree walk hands them to
 * fast-glob; here the same patterns are read with gitignore rules (`ignore`), which agree on the
 * default list (every entry starts with `**` and names a folder or a file name).
 */
export function skipMatcher(globs: string[]): (path: string) => boolean {
  const ig = makeIgnore().add(globs);
  return (path) => {
    try {
      return ig.ignores(path);
    } catch {
      // `ignore` refuses paths it calls not relative; git never stores those.
      return false;
    }
  };
}
