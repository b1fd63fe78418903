// A git repository shaped like a real project's, for the history benchmark, built offline from real
// content on disk (the files of this project's node_modules) with `git fast-import`, deterministically
// (seeded PRNG, sorted walk). Its shape, after what real histories hold:
//   - thousands of small commits, most touching one or two files;
//   - a long tail of file sizes (most files a few KB, some 100 KB - 2 MB) and binary blobs (native
//     modules, images, archives, whatever holds a NUL);
//   - edits that change a few lines of a file, big ones included (each edit a new, near-identical blob);
//   - renames and moves of files and of whole folders, deletions;
//   - feature branches merged back into main, and release branches that never are;
//   - a handful of generated credentials planted along the way (one on a branch, one later deleted,
//     one in a file later moved), so the benchmark can check that the scan found every one.
// Cached under bench-out/, keyed by the generator's version, the sizes and the dependency lock file.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generator, prng } from './corpus.mjs';

const VERSION = 1;
const MAX_FILE = 2 * 1024 * 1024;

/** Every regular file under `dir` of at most 2 MB, in a stable order, with its size. */
function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) {
      const size = statSync(p).size;
      if (size > 0 && size <= MAX_FILE) out.push({ path: p, size });
    }
  }
  return out;
}

const isBinary = (buf) => buf.subarray(0, 8000).includes(0);
/** Formats that are binary whatever their head holds: native modules, images, fonts, archives. */
const BINARY_EXT = /\.(node|dll|pdb|o|a|so|wasm|png|jpe?g|gif|ico|woff2?|ttf|eot|otf|gz|tgz|zip|br)$/i;

/** Where a pool file lands in the generated project: `node_modules/@a/b/lib/x.js` -> `packages/a-b/lib/x.js`. */
function projectPath(root, file) {
  const rel = relative(root, file).split('/');
  const n = rel[0].startsWith('@') ? 2 : 1;
  const pkg = rel
    .slice(0, n)
    .join('-')
    .replace(/^@/, '')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  return ['packages', pkg, ...rel.slice(n).filter((s) => s !== 'node_modules')].join('/');
}

export function realRepoDir({ commits, mb, source }) {
  const lock = join(source, '..', 'package-lock.json');
  const key = createHash('sha256')
    .update(existsSync(lock) ? readFileSync(lock) : source)
    .digest('hex')
    .slice(0, 8);
  return join(process.cwd(), 'bench-out', `history-real-v${VERSION}-${commits}c-${mb}mb-${key}`);
}

/**
 * Builds (or reuses) the repository. `source`: the folder whose files are the content (default
 * ./node_modules). Resolves { dir, commits, blobs, uniqueMb, binaries, renames, merges, planted }
 * where `planted` lists { path, line, kind } of each credential at the commit that added it.
 */
export async function realRepo({
  commits = 12_000,
  mb = 250,
  source = join(process.cwd(), 'node_modules'),
  dir = realRepoDir({ commits, mb, source }),
} = {}) {
  const marker = join(dir, '.bench-done');
  if (existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);

  const rand = prng(2113);
  const g = generator(2113);
  const int = (n) => Math.floor(rand() * n);
  const pool = walk(source);
  // A seeded shuffle, so each run adds the same files in the same order.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const binaries = pool.filter((f) => BINARY_EXT.test(f.path));
  let next = 0;
  let reuse = 0;

  const fi = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) =>
    fi.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))),
  );
  const write = (s) => (fi.stdin.write(s) ? Promise.resolve() : new Promise((r) => fi.stdin.once('drain', r)));
  const data = (buf) => Buffer.concat([Buffer.from(`data ${buf.length}\n`), buf, Buffer.from('\n')]);

  let mark = 0;
  const stats = { commits: 0, blobs: 0, uniqueBytes: 0, binaries: 0, renames: 0, merges: 0, planted: [] };
  /** Writes a blob, returns the entry a tree holds: its mark and, for text, the text for later edits. */
  const blob = async (buf, binary) => {
    mark++;
    await write(`blob\nmark :${mark}\n`);
    await write(data(buf));
    stats.blobs++;
    stats.uniqueBytes += buf.length;
    if (binary) stats.binaries++;
    return { mark, text: binary ? null : buf.toString('latin1') };
  };

  // Each branch: its files (path -> entry), its tip, and (feature branches) what it changed.
  const main = { name: 'main', files: new Map(), tip: 0 };
  let feature = null;
  const releases = [];

  /** The next pool file not yet in the project (or, once the pool is spent, a pool file edited). */
  const takeFromPool = (maxSize) => {
    for (let tries = 0; tries < 50; tries++) {
      const f = pool[next++ % pool.length];
      if (next % pool.length === 0) reuse++;
      if (f.size > maxSize) continue;
      let path = projectPath(source, f.path);
      if (reuse > 0) path = path.replace(/^packages\/([^/]+)/, `packages/$1-copy${reuse}`);
      return { path, buf: readFileSync(f.path) };
    }
    return null;
  };

  /** A few lines changed: replaced, inserted or removed, as in a real edit. */
  const edit = (text, c) => {
    const lines = text.split('\n');
    const k = 1 + int(4);
    for (let i = 0; i < k; i++) {
      const at = int(lines.length);
      const r = rand();
      if (r < 0.5) lines[at] = `${lines[at]} // r${c}`;
      else if (r < 0.8) lines.splice(at, 0, g.line());
      else if (lines.length > 2) lines.splice(at, 1);
    }
    return lines.join('\n');
  };

  const expected = (c) => (mb * 1024 * 1024 * c) / commits;
  const plantAt = new Set(Array.from({ length: 8 }, (_, i) => Math.floor(((i + 0.5) * commits) / 8)));

  /** One commit's changes on `branch`: returns the fast-import lines and applies them to its files. */
  const changes = async (branch, c) => {
    const ops = [];
    const set = (path, entry) => {
      branch.files.set(path, entry);
      ops.push(`M 100644 :${entry.mark} ${path}`);
      if (branch.changed) branch.changed.set(path, entry);
    };
    const del = (path) => {
      branch.files.delete(path);
      ops.push(`D ${path}`);
      if (branch.changed) branch.changed.set(path, null);
    };
    const paths = () => [...branch.files.keys()];
    // A planted credential's follow-up, due now: its line removed again, or its file moved.
    for (const f of (branch.followUps ?? []).filter((x) => x.at <= c && branch.files.has(x.path))) {
      branch.followUps.splice(branch.followUps.indexOf(f), 1);
      const entry = branch.files.get(f.path);
      if (f.kind === 'remove') {
        const lines = entry.text.split('\n');
        lines.splice(f.line - 1, 1);
        set(f.path, await blob(Buffer.from(lines.join('\n'), 'latin1'), false));
      } else {
        del(f.path);
        set(f.path.replace(/([^/]+)$/, 'moved-$1'), entry);
        stats.renames++;
      }
      return ops;
    }
    const texts = () => paths().filter((p) => branch.files.get(p).text !== null);
    // Ahead of the size budget: no big files this commit. Behind it: big ones welcome.
    const ahead = stats.uniqueBytes > expected(c);
    const r = rand();
    if (branch.files.size < 50 || r < 0.3) {
      for (let n = 1 + int(2); n > 0; n--) {
        const f = takeFromPool(ahead ? 16 * 1024 : MAX_FILE);
        if (!f || branch.files.has(f.path)) continue;
        set(f.path, await blob(f.buf, isBinary(f.buf)));
      }
    } else if (r < 0.33) {
      // A binary blob: a native module, image or font from the pool, or an archive of a few of its
      // files (gzip: incompressible bytes, as release tarballs and bundled assets are).
      if (binaries.length && rand() < 0.5) {
        const f = binaries[int(binaries.length)];
        if (f.size <= (ahead ? 64 * 1024 : MAX_FILE))
          set(`assets/bin/${c}-${f.path.split('/').at(-1)}`, await blob(readFileSync(f.path), true));
      } else {
        const parts = [];
        for (let n = 1 + int(ahead ? 2 : 8); n > 0; n--) parts.push(readFileSync(pool[int(pool.length)].path));
        set(`assets/archives/bundle-${c}.gz`, await blob(gzipSync(Buffer.concat(parts)), true));
      }
    } else if (r < 0.85) {
      const candidates = texts();
      for (let n = 1 + (rand() < 0.3 ? int(3) : 0); n > 0 && candidates.length; n--) {
        let path = candidates[int(candidates.length)];
        if (!ahead && rand() < 0.3) {
          const big = candidates.filter((p) => branch.files.get(p).text.length > 100 * 1024);
          if (big.length) path = big[int(big.length)];
        } else if (ahead && branch.files.get(path).text.length > 64 * 1024) continue;
        set(path, await blob(Buffer.from(edit(branch.files.get(path).text, c), 'latin1'), false));
      }
    } else if (r < 0.93) {
      // A move: one file, or (one time in four) a whole folder.
      const all = paths();
      const from = all[int(all.length)];
      const parts = from.split('/');
      const folder = rand() < 0.25 && parts.length > 3;
      const src = folder ? parts.slice(0, -1).join('/') : from;
      const dst = folder ? `${src}-${c}` : `${parts.slice(0, -1).join('/')}/moved-${c}-${parts.at(-1)}`;
      const moved = all.filter((p) => p === src || p.startsWith(`${src}/`));
      for (const p of moved) {
        const entry = branch.files.get(p);
        del(p);
        set(dst + p.slice(src.length), entry);
      }
      stats.renames++;
    } else {
      const all = paths();
      del(all[int(all.length)]);
    }
    if (plantAt.has(c)) ops.push(...(await plant(branch, c, set)));
    return ops;
  };

  /** Plants one generated credential as a new line of a text file; notes where. */
  const plant = async (branch, c, set) => {
    const candidates = [...branch.files.keys()].filter((p) => /\.(js|ts|json|md|yml)$/.test(p));
    const path = candidates[int(candidates.length)];
    const text = branch.files.get(path).text;
    const lines = text.split('\n');
    const at = Math.min(lines.length, 1 + int(Math.min(lines.length, 40)));
    const secret = g.plant();
    lines.splice(at, 0, secret);
    set(path, await blob(Buffer.from(lines.join('\n'), 'latin1'), false));
    const n = stats.planted.push({
      path,
      line: at + 1,
      kind: secret.split('=')[0].trim(),
      commit: c,
      branch: branch.name,
    });
    // The second of every three is deleted again 30 commits on, the third has its file moved.
    if (n % 3 !== 1)
      branch.followUps = [
        ...(branch.followUps ?? []),
        { at: c + 30, kind: n % 3 === 2 ? 'remove' : 'move', path, line: at + 1 },
      ];
    return [];
  };

  const commit = async (branch, c, ops, merge) => {
    mark++;
    const when = 1_500_000_000 + c * 1800;
    const msg = Buffer.from(merge ? `Merge ${merge.name}\n` : `change ${c}\n`);
    await write(
      `commit refs/heads/${branch.name}\nmark :${mark}\nauthor Bench <bench@localhost> ${when} +0000\ncommitter Bench <bench@localhost> ${when} +0000\n`,
    );
    await write(data(msg));
    if (branch.tip) await write(`from :${branch.tip}\n`);
    else if (branch.base) await write(`from :${branch.base}\n`);
    if (merge) await write(`merge :${merge.tip}\n`);
    await write(`${ops.map((o) => `${o}\n`).join('')}\n`);
    branch.tip = mark;
    stats.commits++;
  };

  // About twelve feature branches, 20-60 commits long, merged back; two release branches with a few
  // fixes of their own, never merged.
  const featureEvery = Math.max(150, Math.floor(commits / 12));
  const releaseAt = [Math.floor(commits * 0.3), Math.floor(commits * 0.7)];
  for (let c = 1; c <= commits; c++) {
    if (!feature && c > 100 && c % featureEvery === 0) {
      feature = {
        name: `feature/f${c}`,
        files: new Map(main.files),
        tip: 0,
        base: main.tip,
        changed: new Map(),
        left: 20 + int(40),
      };
    }
    if (releaseAt.includes(c))
      releases.push({ name: `release/r${c}`, files: new Map(main.files), tip: 0, base: main.tip, left: 5 });
    let branch = main;
    if (feature && rand() < 0.4) branch = feature;
    else {
      const rel = releases.find((r) => r.left > 0);
      if (rel && rand() < 0.1) branch = rel;
    }
    await commit(branch, c, await changes(branch, c));
    if (branch.left !== undefined) branch.left--;
    if (feature && feature.left <= 0) {
      // The merge commit's tree: main's, with every path the branch changed taken from the branch.
      const ops = [];
      for (const [p, entry] of feature.changed) {
        if (entry) {
          main.files.set(p, entry);
          ops.push(`M 100644 :${entry.mark} ${p}`);
        } else if (main.files.has(p)) {
          main.files.delete(p);
          ops.push(`D ${p}`);
        }
      }
      await commit(main, c, ops, feature);
      stats.merges++;
      feature = null;
    }
  }
  await write('done\n');
  fi.stdin.end();
  await done;
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main']);
  // Packed with deltas, as a clone of a real repository is.
  execFileSync('git', ['-C', dir, 'repack', '-adq']);
  const info = {
    commits: stats.commits,
    blobs: stats.blobs,
    uniqueMb: stats.uniqueBytes / 1024 / 1024,
    binaries: stats.binaries,
    renames: stats.renames,
    merges: stats.merges,
    branches: 1 + releases.length + stats.merges,
    planted: stats.planted,
  };
  writeFileSync(marker, JSON.stringify(info));
  return { dir, ...info };
}

// `node scripts/bench-repo-real.mjs [--commits N] [--mb N] [--source DIR] [--out DIR]`: builds the
// repository alone and prints what it holds as JSON (test/bench/real-repo.test.ts runs it small).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const options = {};
  for (const name of ['commits', 'mb']) {
    const v = opt(name);
    if (v === undefined) continue;
    if (!/^[1-9]\d*$/.test(v)) {
      console.error(`bench-repo-real: --${name} must be a positive whole number, not "${v}"`);
      process.exit(2);
    }
    options[name] = Number(v);
  }
  if (opt('source')) options.source = resolve(opt('source'));
  if (opt('out')) options.dir = resolve(opt('out'));
  if (options.source && !existsSync(options.source)) {
    console.error(`bench-repo-real: --source: no such folder ${options.source}`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await realRepo(options))}\n`);
}
