// Working-tree scan against ripgrep (part of `npm run bench`): `tokenscope audit TREE --offline`
// and `rg` with as many patterns as tokenscope has rules (its own rules, translated:
// bench-rg-patterns.mjs), thread for thread (--threads N against rg -jN), over the same tree
// (default: this project's node_modules). Fair terms, printed with the figures:
//   - both read every file: tokenscope with `scan.skip: []` (its built-in list would leave every
//     nested node_modules/, dist/ and build/ unread), rg with --no-ignore --hidden;
//   - both skip binary files (their own detection) and files over 25 MiB (tokenscope's limit);
//   - rg prints every match (-o), to /dev/null; tokenscope writes its JSON report to /dev/null;
//   - rg is line-oriented (no -U): the two multi-line rules (PEM keys, GCP key JSON) match within a
//     line only, which spares rg work, never adds any.
//   - all patterns in one rg run (-f), as tokenscope runs all rules in one pass; a context-gated
//     rule (a bare UUID near "heroku") is searched as its keywords, since rg has no keyword gate;
//   - for scale, rg searching the rules' keywords alone (-F, no regex) is printed too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allKeywords, hasRipgrep, ripgrepPatterns } from './bench-rg-patterns.mjs';
import { median, timed, tokenscope } from './bench-measure.mjs';
import { atMost, skipped } from './bench-verdict.mjs';

const MAX_FILE = '25M';

export async function benchWorktree({ log = console.log, tree, runs = 3, threads = [1, 2] }) {
  const size = spawnSync('du', ['-sb', tree], { encoding: 'utf8' }).stdout.split('\t')[0];
  log(`\nworking tree vs ripgrep: ${tree} (${(Number(size) / 1024 / 1024).toFixed(0)} MB), median of ${runs}`);
  if (!hasRipgrep()) {
    for (const n of threads)
      skipped(log, `working tree, ${n} thread(s), vs rg -j${n}`, 'ripgrep missing: apt-get install ripgrep');
    return;
  }
  const out = join(process.cwd(), 'bench-out');
  mkdirSync(out, { recursive: true });
  const patterns = await ripgrepPatterns();
  const patternFile = join(out, 'rg-patterns.txt');
  writeFileSync(patternFile, `${patterns.map((p) => p.pattern).join('\n')}\n`);
  const keywordFile = join(out, 'rg-keywords.txt');
  const keywords = await allKeywords();
  writeFileSync(keywordFile, `${keywords.join('\n')}\n`);
  const config = join(out, 'read-everything.yml');
  writeFileSync(config, 'scan:\n  skip: []\n');
  log(
    `  rg: ${patterns.length} patterns = tokenscope's ${patterns.length} rules, in one run (-f ${patternFile}): ${patterns.filter((p) => p.adapted).length} adapted (rg has no lookaround), ${patterns.filter((p) => p.gated).length} context-gated rules as their keywords (see scripts/bench-rg-patterns.mjs)`,
  );
  log(
    `  rg --no-ignore --hidden --max-filesize ${MAX_FILE} -o, binary files skipped, line by line (no -U); tokenscope -c ${config} (scan.skip: [])`,
  );
  const rg = (n) => [
    `-j${n}`,
    '--no-config',
    '--no-ignore',
    '--hidden',
    '--no-messages',
    '--max-filesize',
    MAX_FILE,
    '-o',
    '-f',
    patternFile,
    tree,
  ];
  const rgKeywords = (n) => [...rg(n).slice(0, -3), '-i', '-F', '-f', keywordFile, tree];
  const ts = (n) => ['audit', tree, '--offline', '--threads', String(n), '-c', config, '--format', 'json'];
  for (const n of threads) {
    await timed('rg', rg(n)); // warm the page cache
    const rgSecs = [];
    const tsRuns = [];
    for (let i = 0; i < runs; i++) {
      const r = await timed('rg', rg(n));
      if (r.status === 2) throw new Error(`rg failed: ${r.stderr.trim().split('\n').pop()}`);
      rgSecs.push(r.secs);
      tsRuns.push(await tokenscope(ts(n)));
    }
    const literal = (await timed('rg', rgKeywords(n))).secs;
    const rgMedian = median(rgSecs);
    const tsMedian = median(tsRuns.map((r) => r.secs));
    const rss = Math.max(...tsRuns.map((r) => r.rssMb));
    log(
      `  --threads ${n}: tokenscope ${tsMedian.toFixed(2)} s, rg -j${n} ${rgMedian.toFixed(2)} s; for scale, rg -j${n} -F with the ${keywords.length} keywords alone (no regex): ${literal.toFixed(2)} s`,
    );
    atMost(log, `working tree, tokenscope --threads ${n} / rg -j${n}`, tsMedian / rgMedian, 2.0);
    atMost(log, `working tree, tokenscope --threads ${n} peak RSS`, rss, 400, {
      unit: 'MB',
      strict: true,
      note: `(process tree, sampled: ${Math.max(...tsRuns.map((r) => r.treeMb)).toFixed(0)} MB)`,
    });
  }
}
