import { describe, expect, it } from '@jest/globals';
import { adoptSafeDirectories, knownSafeDirectories } from '../../src/git/run.js';

describe("the user's safe.directory entries, handed to the scanning threads", () => {
  it('are unknown until read or adopted, then kept: a second hand-over never replaces them', () => {
    expect(knownSafeDirectories()).toBeUndefined();
    adoptSafeDirectories(['/srv/repos/*', '/home/ci/app']);
    expect(knownSafeDirectories()).toEqual(['/srv/repos/*', '/home/ci/app']);
    adoptSafeDirectories(['/somewhere/else']);
    expect(knownSafeDirectories()).toEqual(['/srv/repos/*', '/home/ci/app']);
  });
});
