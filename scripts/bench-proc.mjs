// What /proc says about this process, for the benchmarks (Linux only; undefined elsewhere).
import { readFileSync } from 'node:fs';

/**
 * User + system CPU, in seconds, of this process's children that have ended and been waited for
 * (/proc/self/stat's cutime and cstime, in 1/100 s).
 */
export function reapedCpuSecs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
}
