import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Makes sure a Debian package's binaries are here for a test server: present, or installed with
 * apt-get when we run as root (once, whatever the number of test files asking at the same time:
 * flock). Otherwise it throws, naming the package: such a suite fails, it never skips silently.
 */
export function ensureDebianPackage(pkg: string, binaries: string[]): void {
  const hint = `${binaries[0]} not found: install Debian's "${pkg}" package (sudo apt-get install ${pkg})`;
  const present = () => binaries.every((b) => existsSync(b));
  if (present()) return;
  if (process.getuid?.() !== 0) throw new Error(hint);
  const test = binaries.map((b) => `test -x ${b}`).join(' && ');
  const script = `(${test}) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null)`;
  try {
    execFileSync('flock', [`/tmp/tokenscope-${pkg}-install.lock`, 'sh', '-c', script], { stdio: 'inherit' });
  } catch (e) {
    throw new Error(`${hint}; installing it with apt-get failed: ${(e as Error).message}`);
  }
  if (!present()) throw new Error(hint);
}
