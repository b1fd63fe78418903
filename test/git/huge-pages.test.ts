import { describe, expect, it } from '@jest/globals';
import { hugePagesEnv } from '../../src/git/run.js';

describe("huge pages for git's bulk readers", () => {
  it('asks for them alone when the user set no tunables', () => {
    expect(hugePagesEnv(undefined)).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(hugePagesEnv('')).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
  });

  it("keeps the user's tunables and adds its own after them", () => {
    expect(hugePagesEnv('glibc.malloc.arena_max=2')).toEqual({
      GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
    });
  });

  it("leaves the user's own choice of huge pages as it is, whatever it is", () => {
    expect(hugePagesEnv('glibc.malloc.hugetlb=0')).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' });
    expect(hugePagesEnv('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2')).toEqual({
      GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2',
    });
  });
});
