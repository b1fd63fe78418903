import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layers, proved on the import graph: detection never reaches the network side, and a source
 * only yields fragments. Every static edge counts (`import`, `import type`, `export ... from`),
 * followed through core/ and providers/; a dynamic `import()` is how a provider loads its
 * inspector lazily, so it is not an edge.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const EDGE = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(ROOT, dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(EDGE)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    out.push(existsSync(target) ? target : target.replace(/\.ts$/, '/index.ts'));
  }
  return out;
}

/** Every path from `start` into a file under one of `forbidden`, as a readable chain. */
function violations(starts: string[], forbidden: string[]): string[] {
  const bad = new Set<string>();
  for (const start of starts) {
    const parent = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length) {
      const f = queue.shift()!;
      for (const d of imports(f)) {
        if (parent.has(d)) continue;
        parent.set(d, f);
        queue.push(d);
        const rel = relative(ROOT, d);
        if (forbidden.some((x) => rel.startsWith(x))) {
          const chain = [rel];
          for (let c = parent.get(d); c; c = parent.get(c)) chain.unshift(relative(ROOT, c));
          bad.add(chain.join(' -> '));
        }
      }
    }
  }
  return [...bad];
}

describe('the import graph keeps detection off the network', () => {
  it('nothing under src/detect, src/scan or src/sources reaches src/inspect', () => {
    const starts = [...files('src/detect'), ...files('src/scan'), ...files('src/sources')];
    expect(violations(starts, ['src/inspect/'])).toEqual([]);
  });

  it("a source only yields fragments: nothing under src/sources (nor the org scan's sources) reaches src/detect or src/scan", () => {
    const starts = [...files('src/sources'), join(ROOT, 'src/org/repo-sources.ts')];
    expect(violations(starts, ['src/detect/', 'src/scan/'])).toEqual([]);
  });

  it('a scanning thread compiles rules the main thread checked: src/scan/worker.ts never loads the schema library', () => {
    expect(violations([join(ROOT, 'src/scan/worker.ts')], ['src/config/ajv.ts', 'src/inspect/'])).toEqual([]);
  });

  it('the schema check is an edge the walk sees (the check above can fail)', () => {
    expect(violations([join(ROOT, 'src/detect/load.ts')], ['src/config/ajv.ts'])).not.toEqual([]);
  });

  it('the walk sees a real edge when there is one (the check can fail)', () => {
    expect(violations([join(ROOT, 'src/inspect/run.ts')], ['src/inspect/http'])).not.toEqual([]);
  });
});

/** Runtime edges only (`import type` is erased): relative files and the packages they load. */
const RUNTIME_EDGE = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every package a file loads when it starts, through its runtime imports (dynamic `import()` aside). */
function packagesAtStart(start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  const packages = new Set<string>();
  while (queue.length) {
    const f = queue.shift()!;
    for (const m of readFileSync(f, 'utf8').matchAll(RUNTIME_EDGE)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const target = resolve(dirname(f), spec.replace(/\.js$/, '.ts'));
      const file = existsSync(target) ? target : target.replace(/\.ts$/, '/index.ts');
      if (!seen.has(file)) {
        seen.add(file);
        queue.push(file);
      }
    }
  }
  return packages;
}

describe('the command line loads only what every command needs', () => {
  it('neither the GraphQL library nor the GitHub client loads at start (inspection and org load them when used)', () => {
    const loaded = packagesAtStart(join(ROOT, 'src/cli/main.ts'));
    expect(loaded.has('yargs')).toBe(true);
    expect([...loaded].filter((p) => p === 'graphql' || p.startsWith('@octokit/'))).toEqual([]);
  });

  it("the agent guard's hook process (run before every tool call) never loads the schema library", () => {
    expect([...packagesAtStart(join(ROOT, 'src/guard/process.ts'))].filter((p) => p.startsWith('ajv'))).toEqual([]);
  });

  it('the walk sees a package loaded at start when there is one (the check can fail)', () => {
    expect(packagesAtStart(join(ROOT, 'src/detect/load.ts')).has('ajv')).toBe(true);
    expect(packagesAtStart(join(ROOT, 'src/org/listing.ts')).has('@octokit/rest')).toBe(true);
    expect(packagesAtStart(join(ROOT, 'src/demo/run.ts')).has('graphql')).toBe(true);
  });
});
