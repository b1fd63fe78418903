import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The package root (where schemas/ lives), found by walking up from this module: the same code runs
 * from src/ under ts-jest, from build/ after tsc, and from dist/ inside the Action bundle.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'schemas', 'rule.schema.json'))) {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('tokenscope: cannot find its schemas/ folder');
    dir = up;
  }
}

export function schemaPath(name: string): string {
  return join(packageRoot(), 'schemas', name);
}
