import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { packageRoot } from '../../src/core/paths.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { World, auditJson, findingFor } from './world.js';

describe('audit --staged (pre-commit mode)', () => {
  it('reports what the index adds, at its line in the staged file, and nothing unstaged or already committed', async () => {
    const w = new World();
    const committed = githubToken();
    w.commit('base', { 'app.env': `# app\nGITHUB_TOKEN=${committed}\nPORT=80\n` });
    const staged = githubToken();
    const unstaged = githubToken();
    writeFiles(w.root, { 'app.env': `# app\nGITHUB_TOKEN=${committed}\nPORT=80\nDEBUG=1\nDEPLOY_TOKEN=${staged}\n` });
    w.git('add', 'app.env');
    writeFiles(w.root, { 'later.env': `GITHUB_TOKEN=${unstaged}\n` });

    const { code, report } = await auditJson([w.root, '--staged', '--fail-on', 'medium']);
    expect(report!.findings.map((f) => f.id)).toEqual([findingFor(report!, staged)!.id]);
    expect(findingFor(report!, staged)!.locations).toEqual([
      { path: 'app.env', line: 5, column: 14, source: 'tracked' },
    ]);
    // An uninspected token about to be committed is medium: the hook blocks the commit.
    expect(code).toBe(1);
  });

  it('works before the first commit, and exits 0 when the index adds no secret', async () => {
    const w = new World();
    const t = githubToken();
    writeFiles(w.root, { 'first.env': `GITHUB_TOKEN=${t}\n` });
    w.git('add', 'first.env');
    const first = await auditJson([w.root, '--staged']);
    expect(findingFor(first.report!, t)!.locations[0]).toMatchObject({ path: 'first.env', line: 1 });

    w.commit('first', {});
    writeFiles(w.root, { 'readme.md': 'hello\n' });
    w.git('add', 'readme.md');
    const clean = await auditJson([w.root, '--staged', '--fail-on', 'low']);
    expect(clean.code).toBe(0);
    expect(clean.report!.findings).toEqual([]);
  });

  it('exits 2 outside a git repository, and refuses to mix with --range or --history', async () => {
    const outside = await auditJson([tempDir(), '--staged']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--staged:');
    const w = new World();
    w.commit('x', { 'a.txt': 'a\n' });
    const mixed = await auditJson([w.root, '--staged', '--history']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('cannot be used together');
  });

  it('ships a pre-commit hook that runs the staged scan without file names', () => {
    const hooks = YAML.parse(readFileSync(join(packageRoot(), '.pre-commit-hooks.yaml'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    const hook = hooks.find((h) => h.id === 'tokenscope')!;
    expect(hook.entry).toBe('tokenscope audit --staged --offline --fail-on medium');
    expect(hook.pass_filenames).toBe(false);
    expect(hook.language).toBe('node');
  });
});
