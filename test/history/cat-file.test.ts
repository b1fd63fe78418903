import { describe, expect, it } from '@jest/globals';
import { BlobReader } from '../../src/sources/history/cat-file.js';
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

  it('ends at once when nothing was asked', async () => {
    const w = new World();
    const reader = new BlobReader(w.root, 50);
    reader.end();
    const answers = [];
    for await (const a of reader.read()) answers.push(a);
    expect(answers).toEqual([]);
  });
});
