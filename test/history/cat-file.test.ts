import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobReader } from '../../src/sources/history/cat-file.js';
import { withFirstOnPath, withNotingGit } from '../helpers/noting-git.js';
import { tempDir } from '../helpers/repo.js';
import { World } from './world.js';

describe('BlobReader: one git cat-file --batch, answers in request order', () => {
  it('answers blobs, oversize blobs, trees and missing objects, each in its place', async () => {
    const w = new World();
    w.commit('files', { 'small.txt': 'hello\n', 'big.txt': `${'y'.repeat(100)}\n` });
    const small = w.git('rev-parse', 'HEAD:small.txt');
    const big = w.git('rev-parse', 'HEAD:big.txt');
    const tree = w.git('rev-parse', 'HEAD^{tree}');
    const absent = '0123456789abcdef0123456789abcdef01234567';
    const reader = new BlobReader(w.root, 50);
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
      const reader = new BlobReader(w.root, 50);
      await reader.request(blob);
      reader.end();
      for await (const a of reader.read()) expect(a.kind).toBe('blob');
    });
    const catFile = calls.filter((c) => / cat-file /.test(c.args));
    expect(catFile).toHaveLength(1);
    expect(catFile[0]!.env.GLIBC_TUNABLES).toMatch(/(^|:)glibc\.malloc\.hugetlb=1$/);
  });

  it('ends at once when nothing was asked', async () => {
    const w = new World();
    const reader = new BlobReader(w.root, 50);
    reader.end();
    const answers = [];
    for await (const a of reader.read()) answers.push(a);
    expect(answers).toEqual([]);
  });
});

describe('BlobReader: a conversation with git that stops making sense ends, it never loops', () => {
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
        const reader = new BlobReader(tempDir(), 1024);
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

  it('refuses to send anything but an object id (a path could hold a newline)', async () => {
    const reader = new BlobReader(tempDir(), 1024);
    await expect(reader.request('HEAD:notes\nx y\nz')).rejects.toThrow('only object ids');
    reader.close();
  });
});
