import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { allRevs, mayHoldStashEntries } from '../../src/sources/history/revs.js';
import { tempDir } from '../helpers/repo.js';
import { World } from './world.js';

describe('the stash reflog, looked for before git is asked', () => {
  it('is surely absent from a repository that never stashed: git is not asked', async () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    expect(mayHoldStashEntries(w.root)).toBe(false);
    expect(await allRevs(w.root)).toEqual(['--all']);
  });

  it('is asked of git once something was stashed, and every older entry is walked', async () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    for (const text of ['x\n', 'y\n']) {
      writeFileSync(join(w.root, 'a.txt'), text);
      w.git('stash', '-q');
    }
    expect(mayHoldStashEntries(w.root)).toBe(true);
    const older = w.git('rev-parse', 'stash@{1}');
    expect(await allRevs(w.root)).toEqual(['--all', older]);
  });

  it('is asked of git wherever the layout is not a plain .git folder', () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    const linked = join(tempDir(), 'wt');
    w.git('worktree', 'add', '-q', linked);
    expect(mayHoldStashEntries(linked)).toBe(true);
    expect(mayHoldStashEntries(tempDir())).toBe(true);
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = join(w.root, '.git');
    try {
      expect(mayHoldStashEntries(w.root)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });
});
