import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobReader } from '../../src/sources/history/cat-file.js';
import { withFirstOnPath, withNotingGit } from '../helpers/noting-git.js';
import { tempDir } from '../helpers/repo.js';
import { World } from './world.js';

/** Both ways of reading git's output: a socket into one reused buffer (the default), and a pipe read as a stream. */
const WAYS = [
  ['from a socket', true],
  ['from a pipe', false],
] as const;

describe.each(WAYS)('BlobReader (%s): one git cat-file --batch, answers in request order', (_, socket) => {
  it('answers blobs, oversize blobs, trees and missing objects, each in its place', async () => {
    const w = new World();
    w.commit('files', { 'small.txt': 'hello\n', 'big.txt': `${'y'.repeat(100)}\n` });
    const small = w.git('rev-parse', 'HEAD:small.txt');
    const big = w.git('rev-parse', 'HEAD:big.txt');
    const tree = w.git('rev-parse', 'HEAD^{tree}');
    const absent = '0123456789abcdef0123456789abcdef01234567';
    const reader = new BlobReader(w.root, 50, true, socket);
    for (const oid of [small, big, tree, absent, small]) await reader.request(oid);
    reader.end();
    const answers = [];
    for await (const a of reader.read()) answers.push(a);
    expect(answers.map((a) => [a.oid, a.kind])).toEqual([
      [small, 'blob'],
      [big, 'oversize'],
      [tree, 'not-a-blob'],
      [absent, 'missing'],
      [small, 'blob'],
    ]);
    expect(answers[0]!.kind === 'blob' && answers[0]!.content.toString()).toBe('hello\n');
    expect(answers[1]!.kind === 'oversize' && answers[1]!.size).toBe(101);
  });

  it('runs git on huge pages (its heap grows with the objects it reads)', async () => {
    const w = new World();
    w.commit('files', { 'a.txt': 'a\n' });
    const blob = w.git('rev-parse', 'HEAD:a.txt');
    const calls = await withNotingGit(['GLIBC_TUNABLES'], async () => {
      const reader = new BlobReader(w.root, 50, true, socket);
      await reader.request(blob);
      reader.end();
      for await (const a of reader.read()) expect(a.kind).toBe('blob');
    });
    const catFile = calls.filter((c) => / cat-file /.test(c.args));
    expect(catFile).toHaveLength(1);
    expect(catFile[0]!.env.GLIBC_TUNABLES).toMatch(/(^|:)glibc\.malloc\.hugetlb=1$/);
  });

  it('keeps every answer whole when the consumer is slower than git (reading waits, nothing is lost)', async () => {
    const w = new World();
    const files: Record<string, string> = {};
    // More answers, and more bytes, than the reader queues before it stops reading.
    for (let i = 0; i < 150; i++) files[`f${i}.txt`] = `${i} `.repeat(i % 10 === 0 ? 30_000 : 40 + i);
    w.commit('files', files);
    const names = Object.keys(files);
    const oids = w.git('rev-parse', ...names.map((n) => `HEAD:${n}`)).split('\n');
    const reader = new BlobReader(w.root, 10 * 1024 * 1024, true, socket);
    await reader.requestMany(oids);
    reader.end();
    const got: string[] = [];
    for await (const a of reader.read()) {
      if (a.kind !== 'blob') throw new Error(`${a.oid}: ${a.kind}`);
      got.push(a.content.toString());
      a.release?.();
      if (got.length % 25 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    expect(got).toEqual(names.map((n) => files[n]));
  });

  it('ends at once when nothing was asked', async () => {
    const w = new World();
    const reader = new BlobReader(w.root, 50, true, socket);
    reader.end();
    const answers = [];
    for await (const a of reader.read()) answers.push(a);
    expect(answers).toEqual([]);
  });
});

describe.each(WAYS)(
  'BlobReader (%s): a conversation with git that stops making sense ends, it never loops',
  (_, socket) => {
    /** Puts a fake `git` first on PATH for one test: it prints `reply` whatever it is asked. */
    async function withFakeGit(reply: string, body: () => Promise<void>): Promise<void> {
      const dir = tempDir('tokenscope-fakegit-');
      const out = join(dir, 'reply');
      writeFileSync(out, reply);
      writeFileSync(join(dir, 'git'), `#!/bin/sh\ncat '${out}'\ncat >/dev/null\n`, { mode: 0o755 });
      await withFirstOnPath(dir, body);
    }

    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);

    for (const [what, reply] of [
      ['an unparseable header', 'what is this\n'],
      ['an answer for another object', `${b} blob 3\nabc\n`],
      ['a header that never ends', 'x'.repeat(100_000)],
    ] as const) {
      it(`${what}: every pending id is answered unreadable, and the answers end`, async () => {
        await withFakeGit(reply, async () => {
          const reader = new BlobReader(tempDir(), 1024, true, socket);
          await reader.request(a);
          await reader.request(b);
          reader.end();
          const answers = [];
          for await (const ans of reader.read()) answers.push(ans);
          expect(answers.map((x) => [x.oid, x.kind])).toEqual([
            [a, 'unreadable'],
            [b, 'unreadable'],
          ]);
          expect(answers[0]!.kind === 'unreadable' && answers[0]!.reason).toContain('could not be parsed');
        });
      }, 10_000);
    }

    it('a git that dies on one object answers it unreadable, with its complaint, and a fresh git takes the rest', async () => {
      const dir = tempDir('tokenscope-fakegit-');
      // Answers each id with the three bytes "abc", and dies on b's like git on a corrupt object.
      writeFileSync(
        join(dir, 'git'),
        `#!/bin/sh\nwhile read id; do\n  if [ "$id" = "${b}" ]; then echo "fatal: unable to read ${b}" >&2; exit 128; fi\n  printf '%s blob 3\\nabc\\n' "$id"\ndone\n`,
        { mode: 0o755 },
      );
      const c = 'c'.repeat(40);
      await withFirstOnPath(dir, async () => {
        const reader = new BlobReader(tempDir(), 1024, true, socket);
        await reader.requestMany([a, b, c]);
        reader.end();
        const answers = [];
        for await (const ans of reader.read()) answers.push(ans);
        expect(answers.map((x) => [x.oid, x.kind, x.kind === 'blob' ? x.content.toString() : ''])).toEqual([
          [a, 'blob', 'abc'],
          [b, 'unreadable', ''],
          [c, 'blob', 'abc'],
        ]);
        expect(answers[1]!.kind === 'unreadable' && answers[1]!.reason).toBe(`fatal: unable to read ${b}`);
      });
    }, 10_000);

    it('refuses to send anything but an object id (a path could hold a newline)', async () => {
      const reader = new BlobReader(tempDir(), 1024, true, socket);
      await expect(reader.request('HEAD:notes\nx y\nz')).rejects.toThrow('only object ids');
      reader.close();
    });
  },
);

describe('BlobReader: the socket git writes into', () => {
  async function readOne(): Promise<string> {
    const w = new World();
    w.commit('files', { 'a.txt': 'a\n' });
    const reader = new BlobReader(w.root, 50);
    await reader.request(w.git('rev-parse', 'HEAD:a.txt'));
    reader.end();
    let got = '';
    for await (const a of reader.read()) if (a.kind === 'blob') got += a.content.toString();
    return got;
  }

  async function withTmp<T>(dir: string, body: () => Promise<T>): Promise<T> {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      return await body();
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  }

  it('leaves nothing behind in the temporary directory: its path is gone before git starts', async () => {
    const tmp = tempDir('tokenscope-tmp-');
    expect(await withTmp(tmp, readOne)).toBe('a\n');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('falls back to a pipe where no socket path fits (a temporary directory with a long path)', async () => {
    const long = join(tempDir('tokenscope-tmp-'), 'x'.repeat(120));
    mkdirSync(long);
    expect(await withTmp(long, readOne)).toBe('a\n');
    expect(readdirSync(long)).toEqual([]);
  });
});
