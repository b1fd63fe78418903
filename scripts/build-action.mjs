#!/usr/bin/env node
// Bundles the GitHub Action (src/action/main.ts) into dist/index.js, the file action.yml runs,
// with the scanning thread (dist/scan-worker.js) and the custom-rule guard thread
// (dist/guard-worker.js) beside it: the Action scans on the same pool of threads as the CLI.
//
// ESM, because the core finds schemas/ from import.meta.url (src/core/paths.ts): in an ESM bundle
// that is dist/index.js, and dist/ sits beside schemas/ at the repository root, so the walk up
// finds it. The root package.json says "type": "module", so node runs dist/index.js as ESM.
// CommonJS dependencies that call require() on node builtins get a real require() from the banner.
//
// Deterministic: same sources and esbuild version, same bytes (no timestamps, no absolute paths),
// so scripts/check-dist.sh can rebuild and compare.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    index: 'src/action/main.ts',
    'scan-worker': 'src/scan/worker.ts',
    'guard-worker': 'src/detect/guard-worker.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  // Third-party licence texts go to dist/index.js.LEGAL.txt, next to the bundle they cover.
  legalComments: 'linked',
  charset: 'utf8',
  banner: {
    js: "import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);",
  },
  // pg's optional native binding is never used: pure JS pg is.
  external: ['pg-native'],
  // jsonc-parser's main entry is a UMD build that require()s its parts at run time, which a bundle
  // cannot resolve; its ES module build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
  metafile: false,
});
if (result.errors.length) process.exit(1);
