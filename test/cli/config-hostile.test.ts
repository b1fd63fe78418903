import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';

/** Content that must never be quoted back (another file's, or a secret in a broken config). */
const MARK = 'Zq7SECRETxW9';

describe('a scanned tree cannot make tokenscope read or quote a file through its config', () => {
  it('a config file that is a symbolic link is refused, in one line naming it', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'private.yml': `password: ${MARK}\n` });
    const root = tempDir();
    symlinkSync(join(outside, 'private.yml'), join(root, '.tokenscope.yml'));
    const run = await cli(['audit', root, '--offline']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `tokenscope: ${join(root, '.tokenscope.yml')}: a config file that is a symbolic link is not read\n`,
    );
  });

  it('a dangling link is refused too (not silently skipped)', async () => {
    const root = tempDir();
    symlinkSync(join(root, 'nowhere.json'), join(root, '.tokenscope.json'));
    const run = await cli(['audit', root, '--offline']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.tokenscope\.json: a config file that is a symbolic link is not read\n$/);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['.tokenscope.json', `{\n  "version": 1,\n  "scan": ${MARK}\n}\n`, /: not valid JSON at line 3, column \d+\n$/],
    ['.tokenscope.json', `{"version": 1, "x": "${MARK}`, /: not valid JSON( at line 1, column \d+)?\n$/],
    ['.tokenscope.yml', `version: 1\nscan: [${MARK}\n`, /: not valid YAML at line \d+, column \d+ \([A-Z_]+\)\n$/],
    ['.tokenscope.yml', `a: b\n  c: ${MARK}: x\n`, /: not valid YAML at line \d+, column \d+ \([A-Z_]+\)\n$/],
  ];
  for (const [name, text, expected] of broken) {
    it(`${name} that does not parse: where, never what (${JSON.stringify(text.slice(0, 20))})`, async () => {
      const root = tempDir();
      writeFiles(root, { [name]: text });
      const run = await cli(['audit', root, '--offline']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr.split('\n')).toHaveLength(2);
      for (let i = 0; i + 4 <= MARK.length; i++) expect(run.stderr).not.toContain(MARK.slice(i, i + 4));
    });
  }
});
