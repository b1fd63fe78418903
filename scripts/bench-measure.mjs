// How the benchmarks time a command: wall time from spawn to exit, and for tokenscope its peak RSS
// (the process's own high-water mark, all scanning threads included) through bench-rss-hook.mjs.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reapedCpuSecs } from './bench-proc.mjs';

const HOOK = fileURLToPath(new URL('./bench-rss-hook.mjs', import.meta.url));
export const TOKENSCOPE = fileURLToPath(new URL('../bin/tokenscope.js', import.meta.url));

/** RSS in KB of `pid` and every process below it (git's children of tokenscope), from /proc. */
function treeRssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    let kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) kb += treeRssKb(Number(child));
    }
    return kb;
  } catch {
    return 0; // the process ended between two reads
  }
}

/**
 * Runs `cmd args` with stdout sent to /dev/null (or captured when `capture`), stderr captured for
 * the error message. Resolves { secs, status, stdout, stderr, treeMb, cpuSecs }: treeMb, the largest
 * sum of RSS over the process and its children, sampled every 50 ms (0 without /proc); cpuSecs, the
 * CPU the command and everything it waited for used (undefined without /proc).
 */
export function timed(cmd, args, { cwd, capture = false, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const devnull = capture ? undefined : openSync('/dev/null', 'w');
    const t0 = process.hrtime.bigint();
    const cpu0 = reapedCpuSecs();
    const p = spawn(cmd, args, { cwd, env, stdio: ['ignore', capture ? 'pipe' : devnull, 'pipe'] });
    const out = [];
    const err = [];
    let treeKb = 0;
    const sampler = existsSync('/proc/self/status')
      ? setInterval(() => {
          treeKb = Math.max(treeKb, treeRssKb(p.pid));
        }, 50)
      : undefined;
    p.stdout?.on('data', (b) => out.push(b));
    p.stderr.on('data', (b) => err.push(b));
    p.on('error', reject);
    p.on('close', (status) => {
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(sampler);
      if (devnull !== undefined) closeSync(devnull);
      resolve({
        secs,
        status,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        treeMb: treeKb / 1024,
        // The benchmarks run one command at a time: what this process's reaped children gained is its.
        cpuSecs: cpu0 === undefined ? undefined : reapedCpuSecs() - cpu0,
      });
    });
  });
}

/**
 * Runs the built CLI (`tokenscope ARGS`) as its own process, as a user would. Exit 0 and 1 (a
 * finding at or above the gate) are both a completed scan; anything else throws with its stderr.
 * Resolves { secs, rssMb, treeMb, stdout, cpuSecs, gitCpuSecs }: rssMb, tokenscope's own peak
 * (exact); treeMb, with git's processes below it (sampled); cpuSecs, the CPU of tokenscope's own
 * threads; gitCpuSecs, that of the git processes it ran (undefined without /proc).
 */
export async function tokenscope(args, { cwd, capture = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-bench-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const r = await timed(process.execPath, ['--import', HOOK, TOKENSCOPE, ...args], {
      cwd,
      capture,
      env: { ...process.env, BENCH_RSS_OUT: rssFile },
    });
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`tokenscope ${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
    const at = JSON.parse(readFileSync(rssFile, 'utf8'));
    return {
      secs: r.secs,
      rssMb: at.maxRssKb / 1024,
      treeMb: r.treeMb,
      stdout: r.stdout,
      cpuSecs: at.cpuSecs,
      gitCpuSecs: at.gitCpuSecs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
