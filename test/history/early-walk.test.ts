import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { EarlyWalk, plainHistoryAudit } from '../../src/sources/history/early-walk.js';
import { githubToken } from '../helpers/tokens.js';
import { World } from './world.js';

const changesOf = async (walk: { batches(): AsyncGenerator<Array<{ path: string; commit: string }>> }) => {
  const seen: string[] = [];
  for await (const batch of walk.batches()) for (const c of batch) seen.push(`${c.commit.slice(0, 7)} ${c.path}`);
  return seen;
};

describe('the command lines that start the history walk early', () => {
  const cwd = '/work/repo';
  it('are an audit of history with nothing that changes what is walked', () => {
    expect(plainHistoryAudit(['audit', '--history'], cwd)).toBe('/work/repo');
    expect(plainHistoryAudit(['audit', '.', '--history', '--offline', '--format', 'json'], cwd)).toBe('/work/repo');
    expect(plainHistoryAudit(['audit', 'sub/dir', '--history'], cwd)).toBe('/work/repo/sub/dir');
    expect(plainHistoryAudit(['audit', '/elsewhere', '--history', '--threads', '2'], cwd)).toBe('/elsewhere');
    // A flag's value in second place is not taken for the path: the guess is '.'.
    expect(plainHistoryAudit(['audit', '--format', 'json', '--history'], cwd)).toBe('/work/repo');
  });

  it('are nothing else', () => {
    for (const argv of [
      ['audit'],
      ['audit', '.'],
      ['fence', '.', '--history'],
      ['audit', '--history', '--branch', 'main'],
      ['audit', '--history', '--branch=main'],
      ['audit', '--range', 'a..b', '--history'],
      ['audit', '--staged', '--history'],
      ['audit', '--stdin', '--history'],
      ['audit', '--history', '--no-history'],
      ['audit', '--history=false'],
      ['audit', '--history', '--help'],
      ['audit', '--history', '-h'],
      ['audit', '--history', '--version'],
    ])
      expect([argv, plainHistoryAudit(argv, cwd)]).toEqual([argv, undefined]);
  });
});

describe('a history walk started early', () => {
  it('is taken by the audit that would start the same walk, and walks what a walk started then would', async () => {
    const w = new World();
    const first = w.commit('one', { 'a.txt': 'a\n' });
    const second = w.commit('two', { 'b.env': `T=${githubToken()}\n` });
    const early = new EarlyWalk();
    await early.start(w.root);
    const revs = await early.revsFor(w.root)!;
    expect(revs).toEqual(['--all']);
    expect(early.revsFor(join(w.root, 'other'))).toBeUndefined();
    const walk = early.take(w.root, revs)!;
    expect(walk).toBeDefined();
    expect(await changesOf(walk)).toEqual([`${first.slice(0, 7)} a.txt`, `${second.slice(0, 7)} b.env`]);
    // Taken once.
    expect(early.take(w.root, revs)).toBeUndefined();
  });

  it('is stopped, and not taken, when the audit walks another place or other revisions', async () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    for (const [place, revs] of [
      [join(w.root, 'sub'), ['--all']],
      [w.root, ['HEAD']],
      [w.root, ['--all', 'abc']],
    ] as const) {
      const early = new EarlyWalk();
      await early.start(w.root);
      expect(early.take(place, [...revs])).toBeUndefined();
    }
  });

  it('is not started where git would wait forever (a named pipe in the git directory), nor twice', async () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    const fifo = join(w.root, '.git', 'hazard');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const blocked = new EarlyWalk();
    await blocked.start(w.root);
    expect(blocked.revsFor(w.root)).toBeUndefined();
    expect(blocked.take(w.root, ['--all'])).toBeUndefined();

    const other = new World();
    other.commit('one', { 'a.txt': 'a\n' });
    const once = new EarlyWalk();
    await once.start(other.root);
    await once.start(w.root);
    expect(once.revsFor(w.root)).toBeUndefined();
    expect(once.revsFor(other.root)).toBeDefined();
    expect(once.take(other.root, ['HEAD'])).toBeUndefined();
  });
});
