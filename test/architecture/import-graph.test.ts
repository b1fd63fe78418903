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
