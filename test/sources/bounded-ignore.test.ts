import { describe, expect, it } from '@jest/globals';
import { BoundedIgnore, makeIgnore } from '../../src/sources/ignore.js';

describe('BoundedIgnore: a gitignore matcher that drops its cache now and then', () => {
  it('answers as `ignore` does across its cache resets, for a .gitignore text and for a list', () => {
    const text = '# build output\n*.log\r\n!keep.log\nsecret/\n/top-only.txt\n';
    const list = ['**/fixtures/**', '*.tmp'];
    const bounded = new BoundedIgnore().add(text).add(list);
    const plain = makeIgnore().add(text).add(list);
    const paths: string[] = [];
    // Past two resets (one every 10,000 paths), with every pattern exercised.
    for (let i = 0; i < 25_000; i++) {
      const dir = `d${i % 37}/${i % 5 === 0 ? 'secret/' : ''}${i % 7 === 0 ? 'fixtures/' : ''}`;
      const name = ['a.log', 'keep.log', 'x.txt', 'top-only.txt', 'b.tmp'][i % 5]!;
      paths.push(i % 11 === 0 ? name : `${dir}${name}`);
    }
    const got = paths.map((p) => bounded.ignores(p));
    expect(got).toEqual(paths.map((p) => plain.ignores(p)));
    // Not vacuous: both answers occur, and the negation and the anchored pattern both decide some.
    expect(got.filter(Boolean).length).toBeGreaterThan(1000);
    expect(got.filter((x) => !x).length).toBeGreaterThan(1000);
    expect(bounded.ignores('keep.log')).toBe(false);
    expect(bounded.ignores('top-only.txt')).toBe(true);
    expect(bounded.ignores('d1/top-only.txt')).toBe(false);
  });
});
