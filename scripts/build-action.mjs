#!/usr/bin/env node
// Bundles the GitHub Action (src/action/main.ts) into dist/index.js, the file action.yml runs,
// with the scanning thread (dist/scan-worker.js) and the custom-rule guard thread
// (dist/guard-worker.js) beside it: the Action scans on the same pool of threads as the CLI.
// One file per entry (no shared chunks): dist/ is committed and read by people reviewing it.
// dist/ sits beside schemas/ at the repository root, which the bundle finds by walking up.
// scripts/check-dist.sh rebuilds into a scratch folder and compares.
import { join, resolve } from 'node:path';
import { bundle, root } from './bundle.mjs';

await bundle({
  entryPoints: {
    index: 'src/action/main.ts',
    'scan-worker': 'src/scan/worker.ts',
    'guard-worker': 'src/detect/guard-worker.ts',
  },
  outdir: process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist'),
});
