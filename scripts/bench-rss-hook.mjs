// Loaded with `node --import` into a benchmarked tokenscope process: at exit it writes the process's
// peak RSS (getrusage, every thread of the process included; git children excluded) to the file
// BENCH_RSS_OUT names, since a parent cannot read a child's high-water mark after it has exited.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
