#!/usr/bin/env node
// Benchmark (not a test). Prints, each as a ratio measured in the same run, one PASS/FAIL line per
// target, then a summary:
//   rules:    every rule against the GitHub rules alone, over a generated 200 MB corpus (<= 1.5x);
//   ripgrep:  the working-tree scan against ripgrep with as many patterns, thread for thread, over
//             this project's node_modules (<= 2.0x; peak RSS < 400 MB): bench-worktree.mjs;
//   history:  `audit --history` against git's own object dump, on a synthetic repository and on
//             one shaped like a real project's (<= 2.0x; peak RSS < 400 MB): bench-history.mjs;
//   guard:    the agent guard's decision cost: bench-guard.mjs.
// Usage: npm run bench [-- --quick] [--only rules,ripgrep,history,guard] [--tree DIR] [--mb 200]
//        [--threads N] [--runs N] [--real-commits 12000] [--real-mb 250]
// --quick: a smoke run (smaller corpus and repositories, node_modules/typescript, one run each).
// Generated corpora and repositories are cached under bench-out/.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { generator } from './corpus.mjs';
import { audit } from '../build/src/core/audit.js';
import { loadConfig } from '../build/src/config/load.js';
import { benchGuard } from './bench-guard.mjs';
import { benchHistory } from './bench-history.mjs';
import { benchWorktree } from './bench-worktree.mjs';
import { atMost, summary } from './bench-verdict.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) {
    console.error(`bench: --${name} needs a value`);
    process.exit(2);
  }
  return v;
};
const number = (name, dflt) => {
  const v = flag(name, undefined);
  if (v === undefined) return dflt;
  if (!/^[1-9]\d*$/.test(v)) {
    console.error(`bench: --${name} must be a positive whole number, not "${v}"`);
    process.exit(2);
  }
  return Number(v);
};
const SECTIONS = ['rules', 'ripgrep', 'history', 'guard'];
const only = flag('only', SECTIONS.join(',')).split(',');
for (const s of only)
  if (!SECTIONS.includes(s)) {
    console.error(`bench: --only: unknown section "${s}" (one of ${SECTIONS.join(', ')})`);
    process.exit(2);
  }
const TARGET_MB = number('mb', QUICK ? 30 : 200);
const THREADS = number('threads', availableParallelism());
const RUNS = number('runs', QUICK ? 1 : 3);
// The real-shaped history repository's size (bench-repo-real.mjs).
const REAL = { commits: number('real-commits', QUICK ? 1500 : 12_000), mb: number('real-mb', QUICK ? 30 : 250) };
const TREE = resolve(flag('tree', QUICK ? 'node_modules/typescript' : 'node_modules'));
if (!existsSync(TREE)) {
  console.error(`bench: --tree: no such folder ${TREE}`);
  process.exit(2);
}
const ROOT = join(process.cwd(), 'bench-out', `worktree-${TARGET_MB}mb`);
const log = console.log;

const g = generator(42);

function generate() {
  if (existsSync(join(ROOT, '.done'))) return;
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  let total = 0;
  let n = 0;
  let planted = 0;
  const exts = ['ts', 'py', 'go', 'js', 'yml', 'json', 'md'];
  while (total < TARGET_MB * 1024 * 1024) {
    const dir = join(ROOT, `pkg${n % 50}`, `mod${Math.floor(n / 50) % 20}`);
    mkdirSync(dir, { recursive: true });
    const size = 20_000 + Math.floor(g.rand() * 180_000);
    const lines = [];
    let bytes = 0;
    while (bytes < size) {
      const plant = g.rand() < 0.0004;
      if (plant) planted++;
      const line = plant ? g.plant() : g.line();
      lines.push(line);
      bytes += line.length + 1;
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(dir, `file${n}.${g.pick(exts)}`), text);
    total += Buffer.byteLength(text);
    n++;
  }
  writeFileSync(join(ROOT, '.done'), `${n} files, ${total} bytes, ${planted} planted\n`);
}

function corpusBytes(dir) {
  let sum = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sum += corpusBytes(p);
    else if (e.name !== '.done') sum += statSync(p).size;
  }
  return sum;
}

async function timeScan(only) {
  const config = loadConfig(undefined);
  const t0 = process.hrtime.bigint();
  const r = await audit({ root: ROOT, config, threads: THREADS, offline: true, endpoints: {}, only });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { secs, findings: r.findings.length, bytes: r.stats.bytes };
}

async function benchRules() {
  const g0 = Date.now();
  generate();
  const mb = corpusBytes(ROOT) / (1024 * 1024);
  log(`rules: corpus ${ROOT} (${mb.toFixed(1)} MB; generated or reused in ${((Date.now() - g0) / 1000).toFixed(1)} s)`);
  await timeScan(['github']); // warm the page cache and the JIT
  // Median of alternating runs: one run on a shared 2-core machine is too noisy to judge.
  const n = QUICK ? 3 : 5;
  const runsAll = [];
  const runsGh = [];
  for (let i = 0; i < n; i++) {
    runsAll.push(await timeScan([]));
    runsGh.push(await timeScan(['github']));
  }
  const median = (runs) => [...runs].sort((a, b) => a.secs - b.secs)[Math.floor(runs.length / 2)];
  const all = median(runsAll);
  const gh = median(runsGh);
  log(`  threads: ${THREADS}; median of ${n} runs each`);
  log(`  all rules:    ${(mb / all.secs).toFixed(1)} MB/s  (${all.secs.toFixed(2)} s, ${all.findings} credentials)`);
  log(`  github rules: ${(mb / gh.secs).toFixed(1)} MB/s  (${gh.secs.toFixed(2)} s, ${gh.findings} credentials)`);
  atMost(log, 'every rule / GitHub rules alone', all.secs / gh.secs, 1.5);
  log(`  in-process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

log(
  `tokenscope bench${QUICK ? ' --quick' : ''}: ${availableParallelism()} cores; figures vary with the machine's load`,
);
if (QUICK) log('--quick: small inputs, so start-up weighs on every ratio; judge the targets on a full run');
if (only.includes('rules')) await benchRules();
if (only.includes('ripgrep')) await benchWorktree({ log, tree: TREE, runs: RUNS });
if (only.includes('history')) await benchHistory({ log, quick: QUICK, real: REAL });
if (only.includes('guard')) {
  log('');
  await benchGuard({ log });
}
summary(log);
