import { afterEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

// Finding ids are made in this process, from its environment (as the real command's are).
const before = process.env.TOKENSCOPE_FINGERPRINT_KEY;
afterEach(() => {
  if (before === undefined) delete process.env.TOKENSCOPE_FINGERPRINT_KEY;
  else process.env.TOKENSCOPE_FINGERPRINT_KEY = before;
});

describe('a baseline or allowlist made without TOKENSCOPE_FINGERPRINT_KEY, used with it', () => {
  const root = tempDir();
  writeFiles(root, { 'app.env': `GITHUB_TOKEN=${githubToken()}\n` });
  const baseline = join(tempDir(), 'baseline.json');
  const audit = (extra: string[], dir = root) => cli(['audit', dir, '--offline', '--format', 'json', ...extra]);

  it('is named on stderr and in the notes, instead of silently matching nothing', async () => {
    delete process.env.TOKENSCOPE_FINGERPRINT_KEY;
    const plain = await audit(['-o', baseline]);
    expect(plain.code).toBe(0);

    process.env.TOKENSCOPE_FINGERPRINT_KEY = 'a key of our own';
    const run = await audit(['--baseline', baseline]);
    const message = `--baseline ${baseline} was made without TOKENSCOPE_FINGERPRINT_KEY: 1 credential(s) are in it only by their unkeyed id, so they are reported; make it again with the key set`;
    expect(run.stderr).toBe(`tokenscope: ${message}\n`);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; notes: string[] };
    expect(report.findings).toHaveLength(1);
    expect(report.notes).toContain(message);
  });

  it('the same for allowlist.fingerprints', async () => {
    delete process.env.TOKENSCOPE_FINGERPRINT_KEY;
    const id = (JSON.parse((await audit([])).stdout) as { findings: { id: string }[] }).findings[0]!.id;
    const dir = tempDir();
    writeFiles(dir, {
      'app.env': (await import('node:fs')).readFileSync(join(root, 'app.env'), 'utf8'),
      '.tokenscope.yml': `allowlist:\n  fingerprints: ["${id}"]\n`,
    });
    process.env.TOKENSCOPE_FINGERPRINT_KEY = 'a key of our own';
    const run = await audit([], dir);
    expect(run.stderr).toContain('tokenscope: allowlist.fingerprints was made without TOKENSCOPE_FINGERPRINT_KEY');
  });

  it('a baseline made with the key, used with it: matched, nothing said', async () => {
    process.env.TOKENSCOPE_FINGERPRINT_KEY = 'a key of our own';
    const keyed = join(tempDir(), 'keyed.json');
    await audit(['-o', keyed]);
    const run = await audit(['--baseline', keyed]);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });
});
