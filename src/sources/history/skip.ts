import { BoundedIgnore } from '../ignore.js';

/**
 * The skip globs, read with gitignore rules (`ignore`) by every source: the working tree's walk
 * and the paths inside commits alike, so `*.log` means a .log file at any depth in both.
 */
export function skipMatcher(globs: string[]): (path: string) => boolean {
  // No globs (history's default, the built-in list's file globs): nothing to ask per path.
  if (globs.length === 0) return () => false;
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
