import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';

describe('--output is checked before the scan', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'a-folder'));
  for (const [target, message] of [
    [join(dir, 'missing', 'report.json'), `no such directory ${join(dir, 'missing')}`],
    [join(dir, 'a-folder'), 'is a directory'],
  ] as const) {
    it(message, async () => {
      let read = false;
      const run = await cli(['audit', '--stdin', '-o', target], {
        stdin: async () => {
          read = true;
          return 'nothing\n';
        },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`tokenscope: --output ${target}: ${message}\n`);
      expect(run.stderr).not.toContain('.tmp');
      // Nothing was scanned: the input was never read.
      expect(read).toBe(false);
      expect(readdirSync(dir)).toEqual(['a-folder']);
    });
  }
});
