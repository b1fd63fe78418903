import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken, railwayToken } from '../helpers/tokens.js';

/**
 * A file name is the scanned repository's to choose, and may hold a token: the very token the
 * file holds (a dump named after it), or another one. Locations, notes and headers print paths,
 * so every format must redact them too.
 */
const own = githubToken();
const other = githubToken('ghs');
const railway = railwayToken();
const dir = tempDir('tokenscope-path-secrets-');
writeFiles(dir, {
  [`dumps/${own}.txt`]: `token: ${own}\n`,
  [`keys/${other}/app.yml`]: `deploy:\n  token: ${githubToken()}\n`,
  [`railway-${railway}/.env`]: `RAILWAY_TOKEN=${railway}\n`,
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A raw value, or any 12 characters of it (a partial disclosure counts). */
function expectNoPart(out: string, raw: string): void {
  for (let i = 0; i + 12 <= raw.length; i++) {
    const piece = raw.slice(i, i + 12);
    if (out.includes(piece)) throw new Error(`output holds part of a secret: ...${piece.slice(0, 4)}...`);
  }
}

describe('secrets in file names are redacted in every format', () => {
  for (const format of ['table', 'json', 'sarif', 'markdown'] as const) {
    it(format, async () => {
      const run = await cli(['audit', dir, '--offline', '--threads', '1', '--format', format]);
      expect(run.stdout).toMatch(/dumps\//);
      for (const raw of [own, other, railway]) {
        expectNoPart(run.stdout, raw);
        expectNoPart(run.stderr, raw);
      }
    });
  }

  it('the redacted path still says where: folder, redacted name, extension', async () => {
    const run = await cli(['audit', dir, '--offline', '--threads', '1', '--format', 'json']);
    const paths = (JSON.parse(run.stdout) as { findings: { locations: { path: string }[] }[] }).findings.flatMap((f) =>
      f.locations.map((l) => l.path),
    );
    expect(paths.sort()).toEqual(
      [
        `dumps/${own.slice(0, 6)}****${own.slice(-2)}.txt`,
        `keys/${other.slice(0, 6)}****${other.slice(-2)}/app.yml`,
        `railway-${railway.slice(0, 2)}****${railway.slice(-2)}/.env`,
      ].sort(),
    );
  });
});
