// The esbuild settings every tokenscope bundle shares: the Action's (scripts/build-action.mjs,
// committed in dist/) and the CLI's (scripts/build-cli.mjs, built into build/bundle/ by
// `npm run build`). One place, so the two cannot drift in how they treat dependencies.
//
// ESM, because the core finds schemas/ from import.meta.url (src/core/paths.ts): the walk up
// from either output folder reaches the repository root. CommonJS dependencies that call
// require() on node builtins get a real require() from the banner.
//
// Deterministic: same sources and esbuild version, same bytes (no timestamps, no absolute paths).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles `entryPoints` ({ outputName: sourcePath }) into `outdir`, replacing it. `splitting`
 * puts what several entries share, and what is only imported lazily (inspectors, their SDKs),
 * into chunks of their own, so a command loads only the code it runs.
 */
export async function bundle({ entryPoints, outdir, splitting = false, minify = true, external = [] }) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify,
    // Third-party licence texts go to <entry>.js.LEGAL.txt, next to the bundle they cover.
    legalComments: 'linked',
    charset: 'utf8',
    banner: {
      js: "import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);",
    },
    // pg's optional native binding is never used: pure JS pg is.
    external: ['pg-native', ...external],
    // jsonc-parser's main entry is a UMD build that require()s its parts at run time, which a bundle
    // cannot resolve; its ES module build bundles cleanly.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
    metafile: false,
  });
  if (result.errors.length) process.exit(1);
}
