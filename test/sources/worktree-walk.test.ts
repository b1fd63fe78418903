import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/load.js';
import { type FileTask, walkWorkTree } from '../../src/sources/worktree.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { World, auditJson, findingFor } from '../history/world.js';

async function walk(root: string, yml = ''): Promise<{ files: string[]; notes: string[] }> {
  const notes: string[] = [];
  const files: string[] = [];
  for await (const f of walkWorkTree(root, parseConfig(yml ? 'c.yml' : undefined, yml), notes))
    files.push(`${f.path} ${f.source}`);
  return { files, notes };
}

describe('the working-tree walk', () => {
  it('yields files in the order of their sorted paths, labelled, with each .gitignore applied below its folder', async () => {
    const w = new World();
    w.commit('tracked', { 'a/b/f.txt': 'x\n', '.gitignore': 'ignored.txt\n', 'a/.gitignore': '*.tmp\n' });
    // `a-c` sorts before `a/b/f.txt` ('-' < '/'), though the folder `a` lists before the file `a-c`.
    writeFiles(w.root, { 'a-c': 'y\n', 'a b/q': 'z\n', 'ignored.txt': 'i\n', 'a/b/z.tmp': 't\n', 'z.tmp': 't\n' });
    const { files } = await walk(w.root);
    expect(files).toEqual([
      '.gitignore tracked',
      'a b/q untracked',
      'a-c untracked',
      'a/.gitignore tracked',
      'a/b/f.txt tracked',
      'a/b/z.tmp ignored',
      'ignored.txt ignored',
      'z.tmp untracked',
    ]);
  });

  it('hands on each file as it reaches it: a folder is listed only when the walk gets there', async () => {
    const root = tempDir();
    writeFiles(root, { 'a/first.txt': '1\n', 'z/late.txt': '2\n' });
    const it = walkWorkTree(root, parseConfig(undefined, ''), []);
    const first = await it.next();
    expect((first.value as FileTask).path).toBe('a/first.txt');
    // Written after the first file was handed on: a walk that listed everything first would miss it.
    writeFiles(root, { 'z/later.txt': '3\n' });
    const rest: string[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value.path);
    expect(rest).toEqual(['z/late.txt', 'z/later.txt']);
  });

  it('counts symlinks without following them and never opens a FIFO', async () => {
    const root = tempDir();
    writeFiles(root, { 'real/x.txt': 'x\n' });
    symlinkSync(join(root, 'real'), join(root, 'link'));
    symlinkSync('/etc/passwd', join(root, 'passwd'));
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const { files, notes } = await walk(root);
    expect(files).toEqual(['real/x.txt untracked']);
    expect(notes).toEqual(['2 symbolic link(s) not followed', 'skipped pipe: not a regular file']);
  });

  it("reads the user's globs with gitignore rules, as history does: `*.log` at any depth, `fixtures/**` at the top only", async () => {
    const w = new World();
    const [top, deep, nested, kept] = [githubToken(), githubToken(), githubToken(), githubToken()];
    w.commit('all', {
      '.tokenscope.yml': 'scan:\n  extraSkip: ["fixtures/**", "*.log"]\n',
      'fixtures/a.env': `T=${top}\n`,
      'logs/deep/app.log': `T=${deep}\n`,
      'app.log': `T=${nested}\n`,
      'sub/fixtures/b.env': `T=${kept}\n`,
    });
    const { files } = await walk(w.root, 'scan:\n  extraSkip: ["fixtures/**", "*.log"]\n');
    expect(files).toEqual(['.tokenscope.yml tracked', 'sub/fixtures/b.env tracked']);
    for (const mode of [[], ['--history']]) {
      const { report } = await auditJson([w.root, ...mode]);
      for (const t of [top, deep, nested]) expect(findingFor(report!, t)).toBeUndefined();
      expect(findingFor(report!, kept)).toBeDefined();
    }
  });

  it('a default-skipped folder holding tracked files is entered for those only, the rest counted', async () => {
    const w = new World();
    w.commit('vendored', { 'vendor/lib/keep.env': 'k\n' });
    writeFiles(w.root, { 'vendor/lib/untracked.env': 'u\n', 'vendor/other/x': 'o\n', 'node_modules/p/i.js': 'n\n' });
    const { files, notes } = await walk(w.root);
    expect(files).toEqual(['vendor/lib/keep.env tracked']);
    expect(notes).toEqual([
      'not read by default, as dependency or build output: 1 folder(s) git does not track (node_modules) and 2 untracked file(s) beside tracked ones; tracked files there are read; scan.skip in the config replaces the list',
    ]);
  });
});
