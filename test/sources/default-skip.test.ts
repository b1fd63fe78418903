import { describe, expect, it } from '@jest/globals';
import { githubToken } from '../helpers/tokens.js';
import { writeFiles } from '../helpers/repo.js';
import { World, auditJson, findingFor, sh } from '../history/world.js';
import { skipGlobsFor, skippedByDefault } from '../../src/sources/skip.js';
import { parseConfig } from '../../src/config/load.js';

/**
 * The built-in skip list (node_modules, build, dist, vendor, ...) exists to avoid reading
 * installed and generated trees. It must never hide what git tracks or what a commit adds.
 */
describe('default skips never hide what git holds', () => {
  const FOLDERS = ['build', 'dist', 'out', 'target', 'vendor', 'coverage', 'node_modules'];

  it('working tree: a tracked file under any default-skipped folder, at any depth, is read', async () => {
    const w = new World();
    const tokens = Object.fromEntries(FOLDERS.map((f) => [f, githubToken()]));
    w.commit(
      'committed build output',
      Object.fromEntries(FOLDERS.map((f) => [`deploy/${f}/prod.env`, `T=${tokens[f]}\n`])),
    );
    const { report, code } = await auditJson([w.root]);
    // Committed GitHub tokens fail the default gate whether or not they could be inspected.
    expect(code).toBe(1);
    for (const f of FOLDERS) {
      expect(findingFor(report!, tokens[f]!)?.locations).toEqual([
        expect.objectContaining({ path: `deploy/${f}/prod.env`, source: 'tracked', line: 1 }),
      ]);
    }
  });

  it('working tree: untracked content there stays unread, and the note counts the folders', async () => {
    const w = new World();
    const trackedToken = githubToken();
    w.commit('one vendored file', { 'vendor/lib/keep.env': `T=${trackedToken}\n` });
    const hidden = [githubToken(), githubToken(), githubToken()];
    writeFiles(w.root, {
      'node_modules/pkg/index.js': `const t = "${hidden[0]}";\n`,
      'web/dist/bundle.js': `const t = "${hidden[1]}";\n`,
      'vendor/lib/untracked.env': `T=${hidden[2]}\n`,
    });
    const { report } = await auditJson([w.root]);
    expect(findingFor(report!, trackedToken)).toBeDefined();
    for (const t of hidden) expect(findingFor(report!, t)).toBeUndefined();
    expect(report!.notes).toContain(
      'not read by default, as dependency or build output: 2 folder(s) git does not track (node_modules, web/dist) and 1 untracked file(s) beside tracked ones; tracked files there are read; scan.skip in the config replaces the list',
    );
  });

  it('--history: a blob committed under build/ is read', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('add', { 'deploy/build/prod.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('remove', { 'deploy/build/prod.env': null });
    const { report } = await auditJson([w.root, '--history']);
    expect(findingFor(report!, t)?.locations).toEqual([
      expect.objectContaining({ path: 'deploy/build/prod.env', source: 'history' }),
    ]);
  });

  it('--range (pull-request mode): a pull request adding deploy/build/prod.env is caught', async () => {
    const w = new World();
    const base = w.commit('base', { 'README.md': 'hello\n' });
    const t = githubToken();
    const head = w.commit('pr', { 'deploy/build/prod.env': `GITHUB_TOKEN=${t}\n` });
    const { report, stdout } = await auditJson([w.root, '--range', `${base}..${head}`]);
    expect(stdout).not.toMatch(/no credentials found/);
    expect(findingFor(report!, t)?.locations).toEqual([
      expect.objectContaining({ path: 'deploy/build/prod.env', source: 'history', line: 1 }),
    ]);
  });

  it('--staged: what the index adds under node_modules/ is read', async () => {
    const w = new World();
    w.commit('base', { 'README.md': 'hello\n' });
    const t = githubToken();
    writeFiles(w.root, { 'node_modules/pkg/.env': `GITHUB_TOKEN=${t}\n` });
    sh(w.root, ['add', '-f', 'node_modules/pkg/.env']);
    const { report } = await auditJson([w.root, '--staged']);
    expect(findingFor(report!, t)?.locations).toEqual([
      expect.objectContaining({ path: 'node_modules/pkg/.env', source: 'tracked', line: 1 }),
    ]);
  });

  it("the user's own skip globs still apply to tracked files, history, ranges and the index", async () => {
    const w = new World();
    w.commit('config', { '.tokenscope.yml': 'scan:\n  extraSkip: ["fixtures/**"]\n' });
    const base = sh(w.root, ['rev-parse', 'HEAD']);
    const t = githubToken();
    const head = w.commit('fixture', { 'fixtures/build/x.env': `T=${t}\n` });
    for (const mode of [[], ['--history'], ['--range', `${base}..${head}`]]) {
      const { report } = await auditJson([w.root, ...mode]);
      expect(findingFor(report!, t)).toBeUndefined();
    }
    const s = githubToken();
    writeFiles(w.root, { 'fixtures/y.env': `T=${s}\n` });
    sh(w.root, ['add', 'fixtures/y.env']);
    expect(findingFor((await auditJson([w.root, '--staged'])).report!, s)).toBeUndefined();
  });

  it('one predicate for every mode: the built-in list applies only to content git does not hold', () => {
    const config = parseConfig(undefined, '');
    expect(skippedByDefault(config, 'a/build/x.env', 'untracked')).toBe(true);
    expect(skippedByDefault(config, 'a/build/x.env', 'ignored')).toBe(true);
    expect(skippedByDefault(config, 'a/build/x.env', 'tracked')).toBe(false);
    expect(skippedByDefault(config, 'a/build/x.env', 'history')).toBe(false);
    expect(skipGlobsFor(config, 'history')).toEqual([]);
    const replaced = parseConfig('c.yml', 'scan:\n  skip: ["secret/**"]\n');
    expect(skipGlobsFor(replaced, 'untracked')).toEqual(['secret/**']);
    expect(skipGlobsFor(replaced, 'history')).toEqual(['secret/**']);
    expect(skippedByDefault(replaced, 'build/x.env', 'untracked')).toBe(false);
  });
});
