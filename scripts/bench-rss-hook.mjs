// Loaded with `node --import` into a benchmarked tokenscope process: at exit it writes, as JSON, to
// the file BENCH_RSS_OUT names (a parent cannot read a child's high-water mark after it has exited):
//   maxRssKb  the process's peak RSS (getrusage, every thread of the process included; git excluded);
//   cpuSecs   CPU the process used, every thread (user + system);
//   gitCpuSecs CPU of the children it waited for (its git processes), from /proc/self/stat's
//             cutime and cstime; absent without /proc.
import { writeFileSync } from 'node:fs';
import { reapedCpuSecs } from './bench-proc.mjs';

const out = process.env.BENCH_RSS_OUT;

if (out)
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({
        maxRssKb: u.maxRSS,
        cpuSecs: (u.userCPUTime + u.systemCPUTime) / 1e6,
        gitCpuSecs: reapedCpuSecs(),
      }),
    );
  });
