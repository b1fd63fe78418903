import { BoundedIgnore } from '../ignore.js';

/**
 * The skip globs, read with gitignore rules (`ignore`) by every source: the working tree's walk
 * and the paths inside commits alike, so `*.log` means a .log file at any depth in both.
 */
export function skipMatcher(globs: string[]): (path: string) => boolean {
  const ig = new BoundedIgnore().add(globs);
  return (path) => {
    try {
      return ig.ignores(path);
    } catch {
      // `ignore` refuses paths it calls not relative; git never stores those.
      return false;
    }
  };
}
