import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { HistoryScan } from '../../src/sources/history/history.js';
import { until } from '../helpers/until.js';
import { World } from './world.js';

describe('history: the walk starts when the run does', () => {
  it('reads git log ahead once prepared, before its fragments are drawn', async () => {
    const w = new World();
    for (let i = 1; i <= 5; i++) w.commit(`c${i}`, { [`f${i}.txt`]: `${i}\n` });
    const history = new HistoryScan({ cwd: w.root, revs: ['--all'], head: 'HEAD', skip: loadConfig(undefined).skip });
    history.prepare();
    await until(() => history.walkRead, 20_000);
    expect(history.walkRead).toBe(true);
    // The repository is gone by the time the fragments are drawn: only a walk already read can yield them.
    renameSync(join(w.root, '.git'), join(w.root, 'gone'));
    const paths: string[] = [];
    for await (const f of history.fragments()) paths.push(f.meta.path);
    expect(paths).toEqual(['f1.txt', 'f2.txt', 'f3.txt', 'f4.txt', 'f5.txt']);
    expect(history.stats.commits).toBe(5);
    await history.close();
  });

  it('closes cleanly when prepared and never drawn (an earlier source failed)', async () => {
    const w = new World();
    w.commit('c1', { 'a.txt': 'a\n' });
    const history = new HistoryScan({ cwd: w.root, revs: ['--all'], head: 'HEAD', skip: loadConfig(undefined).skip });
    history.prepare();
    await expect(history.close()).resolves.toBeUndefined();
  });
});
