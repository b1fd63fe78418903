import { describe, expect, it } from '@jest/globals';
import { type Change, RawDiffParser, RawWalk, walkChanges } from '../../src/sources/history/log-walk.js';
import { withNotingGit } from '../helpers/noting-git.js';
import { World } from './world.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const Z = '0'.repeat(40);
const X = '1'.repeat(40);
const Y = '2'.repeat(40);

/**
 * What `git log --raw -z --format=%x01%H %aI` prints (laid out as `od -c` shows git 2.39 doing it),
 * written out by hand: a root commit adding a
 * file whose name holds a three-byte character, a rename (two paths), a symlink, and a merge's
 * combined line (`--diff-merges=combined`: one mode and id per parent, then the result).
 */
const OUTPUT = Buffer.from(
  [
    // As git lays it out: the header, then each raw line after a newline, each field NUL-ended.
    `\x01${X} 2024-01-02T00:00:00+00:00`,
    `\n:000000 100644 ${Z} ${A} A`,
    'd\u00e9j\u00e0/\u20acuro.txt',
    `\x01${Y} 2024-01-03T00:00:00+00:00`,
    `\n:100644 100644 ${A} ${B} R090`,
    'd\u00e9j\u00e0/\u20acuro.txt',
    'moved.txt',
    `:000000 120000 ${Z} ${C} A`,
    'link',
    `\x01${X} 2024-01-04T00:00:00+00:00`,
    `\n::100644 100644 100644 ${A} ${B} ${C} MM`,
    'merged.txt',
  ].join('\0'),
  'utf8',
);

const EXPECTED: Change[] = [
  {
    oldOid: Z,
    oldOids: [Z],
    newOid: A,
    regularFile: true,
    path: 'd\u00e9j\u00e0/\u20acuro.txt',
    commit: X,
    date: '2024-01-02T00:00:00+00:00',
    seq: 0,
  },
  {
    oldOid: A,
    oldOids: [A],
    newOid: B,
    regularFile: true,
    path: 'moved.txt',
    commit: Y,
    date: '2024-01-03T00:00:00+00:00',
    seq: 1,
  },
  {
    oldOid: Z,
    oldOids: [Z],
    newOid: C,
    regularFile: false,
    path: 'link',
    commit: Y,
    date: '2024-01-03T00:00:00+00:00',
    seq: 1,
  },
  {
    oldOid: A,
    oldOids: [A, B],
    newOid: C,
    regularFile: true,
    path: 'merged.txt',
    commit: X,
    date: '2024-01-04T00:00:00+00:00',
    seq: 2,
  },
];

function parseInPieces(bytes: Buffer, cuts: number[]): { changes: Change[]; batches: number; commits: number } {
  const parser = new RawDiffParser();
  const changes: Change[] = [];
  let batches = 0;
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const batch = parser.push(bytes.subarray(from, cut));
    if (batch.length > 0) batches++;
    changes.push(...batch);
    from = cut;
  }
  changes.push(...parser.end());
  return { changes, batches, commits: parser.commits };
}

describe('RawDiffParser: git raw diff output, parsed a chunk at a time', () => {
  it('reads the whole output in one chunk as one batch', () => {
    const { changes, batches, commits } = parseInPieces(OUTPUT, []);
    expect(changes).toEqual(EXPECTED);
    expect(batches).toBe(1);
    expect(commits).toBe(3);
  });

  it('gives the same changes wherever the chunks are cut (inside a token, an id or a character)', () => {
    for (let cut = 1; cut < OUTPUT.length; cut++) {
      expect(parseInPieces(OUTPUT, [cut]).changes).toEqual(EXPECTED);
    }
    // Every byte its own chunk.
    const everyByte = Array.from({ length: OUTPUT.length - 1 }, (_, i) => i + 1);
    expect(parseInPieces(OUTPUT, everyByte).changes).toEqual(EXPECTED);
  });

  it('yields nothing for a chunk that completes no change, and keeps the unfinished token', () => {
    const parser = new RawDiffParser();
    const header = Buffer.from(`\x01${X} 2024-01-02T00:00:00+00:00\0\n:000000 100644 ${Z} ${A} A\0half`, 'utf8');
    expect(parser.push(header)).toEqual([]);
    const [change] = parser.push(Buffer.from('-name.txt\0', 'utf8'));
    expect(change?.path).toBe('half-name.txt');
    expect(parser.end()).toEqual([]);
  });
});

describe('RawWalk: git started at once, its output read ahead', () => {
  it('walks a real repository oldest first, in batches, and reports how many commits it read', async () => {
    const w = new World();
    const first = w.commit('one', { 'a.txt': 'a\n' });
    const second = w.commit('two', { 'a.txt': 'a2\n', 'b.txt': 'b\n' });
    const walk = walkChanges(w.root, ['--all'], 4);
    const seen: Array<[string, string]> = [];
    for await (const batch of walk.batches()) for (const c of batch) seen.push([c.commit, c.path]);
    expect(seen).toEqual([
      [first, 'a.txt'],
      [second, 'a.txt'],
      [second, 'b.txt'],
    ]);
    expect(walk.outcome).toEqual({ commits: 2 });
    expect(walk.read).toBe(true);
  });

  it('says why when git fails (an unknown revision), after what it read', async () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    const walk = new RawWalk(w.root, ['log', '--raw', '-z', 'no-such-branch', '--'], 4);
    const changes: Change[] = [];
    for await (const batch of walk.batches()) changes.push(...batch);
    expect(changes).toEqual([]);
    expect(walk.outcome.error).toMatch(/no-such-branch|unknown revision|bad revision/);
  });

  it('stops git when the consumer stops early, and closes when never drawn', async () => {
    const w = new World();
    for (let i = 0; i < 3; i++) w.commit(`c${i}`, { [`f${i}.txt`]: `${i}\n` });
    const walk = walkChanges(w.root, ['--all'], 4);
    for await (const batch of walk.batches()) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    await expect(walk.close()).resolves.toBeUndefined();
    const never = walkChanges(w.root, ['--all'], 4);
    await expect(never.close()).resolves.toBeUndefined();
  });

  it('asks git for fully buffered output (to a pipe, git log otherwise writes once per commit), on huge pages', async () => {
    const w = new World();
    w.commit('one', { 'a.txt': 'a\n' });
    const paths: string[] = [];
    const calls = await withNotingGit(['GIT_FLUSH', 'GLIBC_TUNABLES'], async () => {
      const walk = walkChanges(w.root, ['--all'], 4);
      for await (const batch of walk.batches()) for (const c of batch) paths.push(c.path);
    });
    expect(paths).toEqual(['a.txt']);
    const log = calls.filter((c) => / log /.test(c.args));
    expect(log).toHaveLength(1);
    expect(log[0]!.env.GIT_FLUSH).toBe('0');
    expect(log[0]!.env.GLIBC_TUNABLES).toMatch(/(^|:)glibc\.malloc\.hugetlb=1$/);
  });
});
