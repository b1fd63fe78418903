import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { git, gitRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/** Every file under a folder with its size, mode and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out[p.slice(dir.length)] = `${st.size}:${st.mode}:${st.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

describe('the auditor writes nothing but its report', () => {
  it('leaves the scanned repository (and its .git), HOME and the working directory untouched', async () => {
    const root = gitRepo({ '.gitignore': '.env\n', 'a.txt': `T=${githubToken()}\n`, '.env': `T=${githubToken()}\n` }, [
      '.gitignore',
      'a.txt',
    ]);
    writeFiles(root, { 'a.txt': `T=${githubToken()}\n` });
    git(root, 'commit', '-q', '-am', 'second');
    const home = tempDir();
    writeFiles(home, { '.netrc': `machine github.com login bot password ${githubToken()}\n` });
    const cwd = tempDir();
    const outDir = tempDir();
    const before = { root: snapshot(root), home: snapshot(home), cwd: snapshot(cwd) };
    const out = join(outDir, 'report.sarif');
    const run = await cli(['audit', root, '--history', '--agent', '--offline', '--format', 'sarif', '--output', out], {
      env: { HOME: home },
      cwd,
    });
    expect(run.code).not.toBe(2);
    expect({ root: snapshot(root), home: snapshot(home), cwd: snapshot(cwd) }).toEqual(before);
    // Only the report, no temp file left beside it, readable by its owner only.
    expect(readdirSync(outDir)).toEqual(['report.sarif']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('a failed run (bad config) writes no report at all', async () => {
    const root = tempDir();
    writeFiles(root, { '.tokenscope.yml': 'nope: 1\n' });
    const outDir = tempDir();
    const run = await cli(['audit', root, '--output', join(outDir, 'r.json')]);
    expect(run.code).toBe(2);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
