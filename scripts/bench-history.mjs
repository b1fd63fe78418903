#!/usr/bin/env node
// Benchmark (not a test) for history scanning. Builds, once, a deterministic git repository with
// `git fast-import` (5,000+ commits, 100+ MB of unique blob content, planted tokens added and later
// removed), cached under bench-out/, then prints:
//   - history throughput in MB/s of unique blob content, and its ratio to
//     `git cat-file --batch-all-objects --batch > /dev/null` on the same repository (target <= 2.5);
//   - the history scan's peak RSS, measured in a child process of its own (target < 400 MB);
//   - the time of `--range` over a 50-commit pull request, offline (target < 1 s).
// Usage: node scripts/bench-history.mjs [--commits 5000] [--mb 100]   (after `npm run build`)
// Or from scripts/bench.mjs: `await benchHistory({ log })`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generator } from './corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const build = (p) => new URL(`../build/src/${p}`, import.meta.url).href;

/**
 * The repository: FILES paths, each commit rewrites a few of them by changing some of their
 * lines (so blobs are unique but delta well, as in real history). Every 100 commits a token is
 * planted in a config file; half of them are removed again 40 commits later.
 */
async function generate(dir, commits, targetMb) {
  const marker = join(dir, '.bench-done');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const g = generator(7);
  const FILES = 300;
  const perCommit = 3;
  // Bytes per rewritten file so that the unique content reaches the target.
  const fileBytes = Math.ceil((targetMb * 1024 * 1024) / (commits * perCommit));
  const linesPerFile = Math.max(10, Math.round(fileBytes / 52));
  const files = Array.from({ length: FILES }, (_, i) => ({
    path: `src/pkg${i % 20}/mod${i}.${['ts', 'py', 'go', 'js'][i % 4]}`,
    lines: Array.from({ length: linesPerFile }, () => g.line()),
  }));
  const configs = Array.from({ length: 10 }, (_, i) => ({
    path: `deploy/env${i}.conf`,
    lines: [`# service ${i}`, `PORT=${8000 + i}`],
  }));
  const fi = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) =>
    fi.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import ${code}`)))),
  );
  const write = (s) => (fi.stdin.write(s) ? Promise.resolve() : new Promise((r) => fi.stdin.once('drain', r)));
  const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let unique = 0;
  let planted = 0;
  let removed = 0;
  const pending = [];
  for (let c = 1; c <= commits; c++) {
    let body = '';
    for (let k = 0; k < perCommit; k++) {
      const f = g.pick(files);
      // Change about a tenth of the lines: a realistic edit, a new blob that deltas well.
      for (let j = 0; j < linesPerFile / 10; j++) f.lines[Math.floor(g.rand() * f.lines.length)] = g.line();
      f.lines[0] = `// revision ${c}.${k}`;
      const text = `${f.lines.join('\n')}\n`;
      unique += Buffer.byteLength(text);
      body += `M 100644 inline ${f.path}\n${blob(text)}`;
    }
    const touch = (cfg) => {
      const text = `${cfg.lines.join('\n')}\n`;
      body += `M 100644 inline ${cfg.path}\n${blob(text)}`;
    };
    if (c % 100 === 0) {
      const cfg = configs[(c / 100) % configs.length];
      cfg.lines.push(g.plant());
      planted++;
      if (planted % 2 === 0) pending.push({ cfg, at: c + 40, line: cfg.lines.length - 1 });
      touch(cfg);
    }
    for (const p of pending.filter((x) => x.at === c)) {
      p.cfg.lines.splice(p.line, 1, '# rotated');
      removed++;
      touch(p.cfg);
    }
    const when = 1_600_000_000 + c * 3600;
    const msg = `change ${c}\n`;
    await write(
      `commit refs/heads/main\nmark :${c}\nauthor Bench <bench@localhost> ${when} +0000\ncommitter Bench <bench@localhost> ${when} +0000\n${blob(msg)}${c > 1 ? `from :${c - 1}\n` : ''}${body}\n`,
    );
  }
  await write('done\n');
  fi.stdin.end();
  await done;
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main']);
  execFileSync('git', ['-C', dir, 'repack', '-adq', '--depth=50', '--window=10']);
  const info = { commits, uniqueMb: unique / 1024 / 1024, planted, removed };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

function seconds(fn) {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return { r, secs: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** The baseline: git itself reading every object of the repository and throwing it away. */
function catFileAll(dir) {
  const out = openSync('/dev/null', 'w');
  const { secs } = seconds(() =>
    spawnSync('git', ['-C', dir, 'cat-file', '--batch-all-objects', '--batch'], { stdio: ['ignore', out, 'inherit'] }),
  );
  closeSync(out);
  return secs;
}

/** Child mode: one history scan, offline, then its own figures as JSON (peak RSS is this process's). */
async function child(dir) {
  const { loadConfig } = await import(build('config/load.js'));
  const { audit } = await import(build('core/audit.js'));
  const { HistoryScan } = await import(build('sources/history/history.js'));
  const { allRevs } = await import(build('sources/history/repo.js'));
  const config = loadConfig(undefined);
  const t0 = process.hrtime.bigint();
  const history = new HistoryScan({
    cwd: dir,
    revs: await allRevs(dir),
    head: 'HEAD',
    skip: config.skip,
    maxFileSize: config.maxFileSize,
  });
  const r = await audit({
    config,
    sources: [history.source],
    refiners: [history],
    threads: 1,
    offline: true,
    endpoints: {},
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const gone = r.findings.filter((f) => f.credential.locations.some((l) => l.presentAtHead === false)).length;
  process.stdout.write(
    JSON.stringify({
      secs,
      stats: history.stats,
      findings: r.findings.length,
      gone,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

async function rangeTime(dir) {
  const { runCli } = await import(build('cli/main.js'));
  let out = '';
  const io = { stdout: (s) => (out += s), stderr: () => {}, env: {}, cwd: dir };
  const t0 = process.hrtime.bigint();
  const code = await runCli(['audit', '.', '--range', 'HEAD~50..HEAD', '--offline', '--format', 'json'], io);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { secs, code, findings: JSON.parse(out).findings.length };
}

export async function benchHistory({ log = console.log, commits = 5000, mb = 100 } = {}) {
  const dir = join(process.cwd(), 'bench-out', `history-v2-${commits}c-${mb}mb`);
  const g0 = Date.now();
  const info = await generate(dir, commits, mb);
  log(
    `history repo: ${dir} (${info.commits} commits, ${info.uniqueMb.toFixed(1)} MB unique blob content, ${info.planted} tokens planted, ${info.removed} removed; ready in ${((Date.now() - g0) / 1000).toFixed(1)} s)`,
  );
  catFileAll(dir); // warm the page cache
  const git = Math.min(catFileAll(dir), catFileAll(dir));
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const p = spawnSync(process.execPath, [join(here, 'bench-history.mjs'), '--child', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (p.status !== 0) throw new Error(`history child failed: ${p.stderr}`);
    runs.push(JSON.parse(p.stdout));
  }
  const best = runs.reduce((a, b) => (b.secs < a.secs ? b : a));
  const mbScanned = best.stats.bytes / 1024 / 1024;
  log(`git cat-file --batch-all-objects --batch > /dev/null: ${git.toFixed(2)} s`);
  log(
    `history: ${(mbScanned / best.secs).toFixed(1)} MB/s of unique blob content (${mbScanned.toFixed(1)} MB, ${best.stats.blobsScanned} blobs, ${best.stats.commits} commits in ${best.secs.toFixed(2)} s; ${best.findings} credentials, ${best.gone} removed from HEAD)`,
  );
  log(`history / cat-file ratio: ${(best.secs / git).toFixed(2)}x (target <= 2.5x)`);
  log(`history peak RSS: ${Math.max(...runs.map((r) => r.maxRssMb)).toFixed(0)} MB (target < 400 MB)`);
  await rangeTime(dir); // warm
  const range = await rangeTime(dir);
  log(
    `--range HEAD~50..HEAD: ${range.secs.toFixed(2)} s offline (${range.findings} credentials; target < 1 s plus inspection)`,
  );
}

const argv = process.argv.slice(2);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (argv[0] === '--child') await child(argv[1]);
  else {
    const flag = (name, dflt) => {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 ? Number(argv[i + 1]) : dflt;
    };
    await benchHistory({ log: console.log, commits: flag('commits', 5000), mb: flag('mb', 100) });
  }
}
