import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { audit } from '../../src/core/audit.js';
import { workerScript } from '../../src/scan/pool.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken, railwayToken } from '../helpers/tokens.js';

describe('scanning threads', () => {
  it('exist once the package is built (npm test builds first)', () => {
    expect(workerScript()).toBeDefined();
  });

  it('find exactly what the main thread finds', async () => {
    const root = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      files[`dir${i % 7}/file${i}.env`] =
        i % 3 === 0 ? `T=${githubToken()}\nRAILWAY_TOKEN=${railwayToken()}\n` : 'nothing\n';
    }
    writeFiles(root, files);
    const config = loadConfig(undefined);
    const run = (threads: number) => audit({ root, config, threads, offline: true, endpoints: {} });
    const [one, two] = await Promise.all([run(1), run(2)]);
    const key = (r: Awaited<ReturnType<typeof run>>) =>
      r.findings
        .map((f) => `${f.credential.fingerprint}@${f.credential.locations.map((l) => `${l.path}:${l.line}`).join(',')}`)
        .sort();
    expect(one.findings).toHaveLength(80);
    expect(key(two)).toEqual(key(one));
    expect(two.stats.bytes).toBe(one.stats.bytes);
  });
});

describe('custom rules are untrusted', () => {
  it('a file whose scan exceeds the budget is stopped, noted, and the rest is scanned', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.tokenscope.yml': [
        'scan:',
        '  fileBudgetMs: 1500',
        'rules:',
        '  - id: slow-rule',
        '    provider: acme',
        '    kind: key',
        '    description: catastrophic on purpose',
        '    keywords: [acme]',
        '    regex: "acme(?<secret>(a+)+)$"',
        '    examples: {truePositives: [x], falsePositives: []}',
      ].join('\n'),
      'hostile.txt': `acme${'a'.repeat(40)}!\n`,
      'fine.env': `T=${githubToken()}\n`,
    });
    const { loadConfig: load } = await import('../../src/config/load.js');
    const config = load(`${root}/.tokenscope.yml`);
    const started = Date.now();
    const result = await audit({ root, config, threads: 1, offline: true, endpoints: {} });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.findings.map((f) => f.credential.locations[0]!.path)).toEqual(['fine.env']);
    expect(result.notes.join('\n')).toMatch(/hostile\.txt: scan took longer than 1500 ms/);
  });
});
