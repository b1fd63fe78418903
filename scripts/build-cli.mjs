#!/usr/bin/env node
// Bundles the command line into build/bundle/, the code bin/tokenscope.js runs. Loading the
// compiled modules one by one (about 160 of tokenscope's and 450 of its dependencies') took most of
// a run's first 0.4 s, in the main thread and again in every scanning thread; a bundle with the
// lazily loaded inspectors split off starts in well under half of that.
// better-sqlite3 stays outside: it loads a native addon from its own folder.
import { join } from 'node:path';
import { bundle, root } from './bundle.mjs';

await bundle({
  entryPoints: {
    tokenscope: 'src/cli/main.ts',
    hook: 'src/guard/process.ts',
    'scan-worker': 'src/scan/worker.ts',
    // Loaded by bin/tokenscope.js before the CLI, for an audit: its scanning threads start first.
    prestart: 'src/scan/prestart.ts',
    // Loaded by bin/tokenscope.js for `audit ... --history`: git's walk starts before the CLI loads.
    'early-walk': 'src/sources/history/early-walk.ts',
    // Loaded first by bin/tokenscope.js: V8's tiering flag, before the rest (src/core/tiering.ts).
    tiering: 'src/core/tiering.ts',
    'guard-worker': 'src/detect/guard-worker.ts',
  },
  outdir: join(root, 'build', 'bundle'),
  splitting: true,
  // Unminified: as fast to load here (V8 compiles lazily either way), and its stack traces are readable.
  minify: false,
  external: ['better-sqlite3'],
});
